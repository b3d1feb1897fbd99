package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The driver against a real ipmi_sim whose power starts and stops a stand-in server process. */
class IpmiDriverTest {

    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    private static final Duration POWER_CHANGE = Duration.ofSeconds(10);

    @RegisterExtension
    static final IpmiSimExtension BMC = new IpmiSimExtension(IpmiSim::withMachine, TIMEOUTS);

    private static IpmiDriver ipmi() {
        return BMC.driver();
    }

    private static void powered(PowerState state) {
        if (ipmi().powerStatus(BMC.target()) != state) {
            if (state == PowerState.ON) {
                ipmi().powerOn(BMC.target());
            } else {
                ipmi().powerOff(BMC.target());
            }
            ipmi().waitForPower(BMC.target(), state, POWER_CHANGE);
        }
    }

    /** The stand-in server once one runs whose pid is not {@code previous}; empty if none does in time. */
    private static Optional<ProcessHandle> serverOtherThan(long previous) throws InterruptedException {
        long deadline = System.nanoTime() + POWER_CHANGE.toNanos();
        Optional<ProcessHandle> server = BMC.sim().machine();
        while ((server.isEmpty() || server.get().pid() == previous) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            server = BMC.sim().machine();
        }
        return server.filter(p -> p.pid() != previous);
    }

    @Test
    void powerOnStartsTheServer() {
        powered(PowerState.OFF);
        assertThat(BMC.sim().machine()).isEmpty();

        ipmi().powerOn(BMC.target());
        ipmi().waitForPower(BMC.target(), PowerState.ON, POWER_CHANGE);

        assertThat(BMC.sim().machine()).isPresent();
    }

    @Test
    void powerOffStopsTheServer() {
        powered(PowerState.ON);

        ipmi().powerOff(BMC.target());

        ipmi().waitForPower(BMC.target(), PowerState.OFF, POWER_CHANGE);
        assertThat(BMC.sim().machine()).isEmpty();
    }

    @Test
    void powerCycleRestartsARunningServer() throws Exception {
        powered(PowerState.ON);
        long before = BMC.sim().machine().orElseThrow().pid();

        ipmi().powerCycle(BMC.target());

        assertThat(serverOtherThan(before)).as("a new server process after the cycle").isPresent();
        assertThat(ipmi().powerStatus(BMC.target())).isEqualTo(PowerState.ON);
    }

    @Test
    void powerCycleOfAServerThatIsOffPowersItOn() throws Exception {
        powered(PowerState.OFF);

        ipmi().powerCycle(BMC.target());

        assertThat(serverOtherThan(-1)).isPresent();
    }

    @Test
    void waitForPowerThatDoesNotComeIsTimeout() {
        powered(PowerState.OFF);

        assertThatThrownBy(() -> ipmi().waitForPower(BMC.target(), PowerState.ON, Duration.ofMillis(700)))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT);
                    assertThat(e.getMessage()).contains("power not ON within PT0.7S");
                });
    }

    @Test
    void readsTheSensors() {
        List<SensorReading> sensors = ipmi().sensors(BMC.target());

        assertThat(sensors).extracting(SensorReading::name)
                .containsExactly("CPU Temp", "FAN1", "Inlet Temp", "PSU1 Presence", "P12V");
        SensorReading cpu = sensors.get(0);
        assertThat(cpu.value().getAsDouble()).isCloseTo(48.0, within(0.001));
        assertThat(cpu.unit()).isEqualTo("degrees C");
        assertThat(cpu.status()).isEqualTo("ok");
        assertThat(sensors.get(1).value().getAsDouble()).isCloseTo(6000.0, within(0.001));
        assertThat(sensors.get(2).status()).isEqualTo("Upper Critical");
        assertThat(sensors.get(3).status()).isEqualTo("Present");
        assertThat(sensors.get(4).value()).isEmpty();
    }

    @Test
    void worksWithoutAChosenCipherSuite() {
        // ipmitool asks for the BMC's cipher suites first; ipmi_sim does not answer, and ipmitool falls back
        BmcTarget any = new BmcTarget("srv01", IpmiSim.LOOPBACK, BMC.sim().port(), IpmiSim.USER, IpmiSim.PASSWORD);

        assertThat(ipmi().powerStatus(any)).isIn(PowerState.ON, PowerState.OFF);
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertThatThrownBy(() -> ipmi().powerStatus(BMC.sim().target(IpmiSim.USER, "not-the-password")))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("RAKP 2 HMAC is invalid").doesNotContain("not-the-password");
                });
    }

    @Test
    void unknownUserIsAuthFailed() {
        assertThatThrownBy(() -> ipmi().powerStatus(BMC.sim().target("nobody", IpmiSim.PASSWORD)))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("unauthorized name");
                });
    }

    @Test
    void bmcThatAnswersNothingIsUnreachableWithinTheConnectTimeout() throws Exception {
        BmcTarget silent = new BmcTarget("srv02", IpmiSim.LOOPBACK, IpmiSim.freeUdpPort(), IpmiSim.USER,
                IpmiSim.PASSWORD).withCipherSuite(3);
        long started = System.nanoTime();

        assertThatThrownBy(() -> ipmi().powerStatus(silent))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UNREACHABLE);
                    assertThat(e.device()).isEqualTo("srv02");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUTS.connect().multipliedBy(3));
    }

    @Test
    void runPastItsDeadlineIsKilledAsTimeout() throws Exception {
        // ipmitool needs 2 s to give up on a silent port; the driver's deadline is far shorter
        IpmiDriver impatient = IpmiDriver.onPath(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(300)));
        int port = IpmiSim.freeUdpPort();
        BmcTarget silent = new BmcTarget("srv02", IpmiSim.LOOPBACK, port, IpmiSim.USER, IpmiSim.PASSWORD);
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.powerStatus(silent))
                .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(" " + port + " ")))
                .as("the killed ipmitool").isEmpty();
    }

    @Test
    void bootDeviceThisBmcCannotSetIsRejected() {
        // this ipmi_sim has no chassis_control program; ipmitool exits 0 and only leaves out "Set Boot Device to pxe"
        assertThatThrownBy(() -> ipmi().setBootDevice(BMC.target(), BootDevice.PXE, false))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                    assertThat(e.getMessage()).contains("Invalid data field in request");
                });
        assertThatThrownBy(() -> ipmi().bootDevice(BMC.target()))
                .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.REJECTED));
    }
}
