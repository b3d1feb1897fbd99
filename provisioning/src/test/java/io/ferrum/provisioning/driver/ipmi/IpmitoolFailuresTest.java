package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import org.junit.jupiter.api.Test;

import static io.ferrum.provisioning.driver.ipmi.CapturedOutput.read;
import static org.assertj.core.api.Assertions.assertThat;

class IpmitoolFailuresTest {

    private static DriverException classify(String stderr) {
        return IpmitoolFailures.classify("srv01", "power status", 1, stderr);
    }

    @Test
    void wrongPasswordOrUserIsAuthFailed() {
        assertThat(classify(read("wrong-password.stderr")).reason()).isEqualTo(FailureReason.AUTH_FAILED);
        assertThat(classify(read("wrong-password.stderr")).getMessage()).contains("RAKP 2 HMAC is invalid");
        assertThat(classify(read("wrong-user.stderr")).reason()).isEqualTo(FailureReason.AUTH_FAILED);
        assertThat(classify(read("wrong-user.stderr")).getMessage()).contains("unauthorized name");
    }

    @Test
    void silentBmcIsUnreachable() {
        DriverException e = classify(read("dead-port.stderr"));

        assertThat(e.reason()).isEqualTo(FailureReason.UNREACHABLE);
        assertThat(e.getMessage()).contains("Get Auth Capabilities error");
        assertThat(e.device()).isEqualTo("srv01");
    }

    @Test
    void refusedCipherSuiteIsRejected() {
        DriverException e = classify(read("unsupported-cipher.stderr"));

        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
        assertThat(e.getMessage()).contains("invalid authentication algorithm");
    }

    @Test
    void commandTheBmcRefusedIsRejected() {
        assertThat(classify(read("power-on-refused.stderr")).getMessage())
                .contains("Set Chassis Power Control to Up/On failed: Invalid data field in request");
        assertThat(classify(read("power-on-refused.stderr")).reason()).isEqualTo(FailureReason.REJECTED);
        assertThat(classify(read("bootparam-refused.stderr")).reason()).isEqualTo(FailureReason.REJECTED);
    }

    @Test
    void refusalIsFoundWhenIpmitoolExitsZero() {
        // chassis bootdev exits 0 although the BMC refused both boot parameters
        assertThat(IpmitoolFailures.refusal("srv01", "set boot device pxe", read("bootdev-refused.stderr")))
                .hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                    assertThat(e.getMessage()).contains("Set Chassis Boot Parameter 4 failed: Invalid data field");
                });
    }

    @Test
    void verboseChatterOfASuccessfulRunIsNoRefusal() {
        assertThat(IpmitoolFailures.refusal("srv01", "read sensors", read("sdr-elist.stderr"))).isEmpty();
        assertThat(IpmitoolFailures.refusal("srv01", "power status", read("no-cipher-suite-list.stderr"))).isEmpty();
    }

    @Test
    void bmcWithoutAFreeSessionIsBusy() {
        // not captured (ipmi_sim has sessions to spare): ipmitool's lanplus.c prints RMCP+ status 0x01 this way
        String stderr = "Error in open session response message : insufficient resources for session\n\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n";

        assertThat(classify(stderr).reason()).isEqualTo(FailureReason.BUSY);
    }

    @Test
    void unknownFailureKeepsIpmitoolsLastWords() {
        DriverException e = IpmitoolFailures.classify("srv01", "power status", 1, "one\ntwo\nthree\nfour\n");

        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
        assertThat(e.getMessage()).contains("exited 1: two | three | four");
    }
}
