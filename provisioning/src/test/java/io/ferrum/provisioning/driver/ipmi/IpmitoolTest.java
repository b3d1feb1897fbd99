package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.Timeouts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpmitoolTest {

    private static final BmcTarget BMC = new BmcTarget("srv01", "198.18.4.11", 623, "admin", "s3cret-bmc");

    private final Ipmitool ipmitool = new Ipmitool(Path.of("/usr/bin/ipmitool"), new SessionRetries(1, 2));

    @Test
    void passwordGoesInTheEnvironmentNotOnTheCommandLine() {
        List<String> command = ipmitool.command(BMC, List.of("chassis", "power", "status"));
        Map<String, String> env = new HashMap<>(Map.of("IPMITOOL_PASSWORD", "stale"));
        Ipmitool.environment(env, BMC);

        assertThat(command).containsExactly("/usr/bin/ipmitool", "-I", "lanplus", "-H", "198.18.4.11", "-p", "623",
                "-U", "admin", "-E", "-N", "1", "-R", "2", "-v", "chassis", "power", "status");
        assertThat(String.join(" ", command)).doesNotContain("s3cret-bmc");
        assertThat(env).containsEntry("IPMI_PASSWORD", "s3cret-bmc").doesNotContainKey("IPMITOOL_PASSWORD");
    }

    @Test
    void passesAChosenCipherSuite() {
        assertThat(ipmitool.command(BMC.withCipherSuite(17), List.of("sdr", "elist")))
                .containsSubsequence("-C", "17", "-v", "sdr", "elist");
    }

    @Test
    void targetNeverPrintsThePassword() {
        assertThat(BMC.toString()).contains("srv01", "198.18.4.11", "admin").doesNotContain("s3cret-bmc");
    }

    @Test
    void refusesAPasswordIpmitoolWouldCut() {
        assertThatThrownBy(() -> new BmcTarget("srv01", "198.18.4.11", 623, "admin", "x".repeat(21)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 bytes");
        assertThatThrownBy(() -> new BmcTarget("srv01", "-v", 623, "admin", "pw"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingIpmitoolFailsWhenUsedNotWhenWiredIn() {
        Ipmitool missing = new Ipmitool(Path.of("/nonexistent/ipmitool"), new SessionRetries(1, 1));

        assertThatThrownBy(() -> missing.run(BMC, "power status", Duration.ofSeconds(1), IpmitoolOutput::powerState,
                "chassis", "power", "status"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Debian package ipmitool");
        assertThatThrownBy(() -> new IpmiDriver(Timeouts.DEFAULT, Path.of("/nonexistent/ipmitool")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriesFitADeadBmcIntoTheConnectTimeout() {
        assertThat(SessionRetries.within(Duration.ofSeconds(2))).isEqualTo(new SessionRetries(1, 1));
        assertThat(SessionRetries.within(Duration.ofSeconds(10))).isEqualTo(new SessionRetries(1, 2));
        assertThat(SessionRetries.within(Duration.ofSeconds(12))).isEqualTo(new SessionRetries(1, 3));
        assertThat(SessionRetries.within(Duration.ofMinutes(5))).isEqualTo(new SessionRetries(1, SessionRetries.MAX_TRIES));
        // below ipmitool's floor: one try, 2 s
        assertThat(SessionRetries.within(Duration.ofMillis(500)).unreachableAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void deadBmcCostMatchesWhatIpmitoolWasMeasuredAt() {
        assertThat(new SessionRetries(1, 1).unreachableAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new SessionRetries(1, 2).unreachableAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(new SessionRetries(2, 2).unreachableAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new SessionRetries(1, 4).unreachableAfter()).isEqualTo(Duration.ofSeconds(20));
    }
}
