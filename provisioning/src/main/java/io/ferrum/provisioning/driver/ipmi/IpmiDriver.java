package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry point for BMCs over IPMI v2, the way OpenStack Ironic's ipmitool driver does it: every operation runs {@code
 * ipmitool -I lanplus … -E} once, with the password in the environment. Stateless and thread-safe; one driver serves
 * every BMC.
 *
 * <p>Timeouts: {@link Timeouts#connect()} sizes ipmitool's own {@code -N}/{@code -R}, so a BMC that never answers
 * fails {@code UNREACHABLE} within it (2 s at the least, see {@link SessionRetries}); {@link Timeouts#command()} is
 * the wall-clock limit of one ipmitool run, session setup included, after which the process is killed
 * ({@code TIMEOUT}). {@link Timeouts#read()} is not used.
 */
public final class IpmiDriver {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Timeouts timeouts;
    private final Ipmitool ipmitool;

    /** With the given ipmitool binary, which must be executable. */
    public IpmiDriver(Timeouts timeouts, Path ipmitool) {
        this(timeouts, ipmitool, true);
    }

    private IpmiDriver(Timeouts timeouts, Path ipmitool, boolean mustExist) {
        this.timeouts = Objects.requireNonNull(timeouts);
        if (mustExist && !Files.isExecutable(Objects.requireNonNull(ipmitool))) {
            throw new IllegalArgumentException("ipmitool is not an executable: " + ipmitool);
        }
        this.ipmitool = new Ipmitool(ipmitool, SessionRetries.within(timeouts.connect()));
    }

    /**
     * With the ipmitool found on PATH (Debian package {@code ipmitool}). Without one the driver is still built, so a
     * service that has it wired in starts anyway; every call then throws {@link IllegalStateException}.
     */
    public static IpmiDriver onPath(Timeouts timeouts) {
        Optional<Path> found = Ipmitool.onPath("ipmitool");
        return new IpmiDriver(timeouts, found.orElse(Path.of("ipmitool")), found.isPresent());
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public PowerState powerStatus(BmcTarget target) {
        return powerStatus(target, timeouts.command());
    }

    /** Chassis power on. Returns once the BMC took the command; {@link #waitForPower} waits for the result. */
    public void powerOn(BmcTarget target) {
        control(target, "on", "Up/On");
    }

    /** Hard power off (not an ACPI shutdown request). Returns once the BMC took the command. */
    public void powerOff(BmcTarget target) {
        control(target, "off", "Down/Off");
    }

    /**
     * Reboots the way Ironic's reboot does: a server that is off is powered on, one that is on gets {@code chassis
     * power cycle} (off, then on after the BMC's interval): IPMI's power cycle is meant to do nothing to a chassis
     * that is off, and many BMCs refuse it then. Returns once the BMC took the command.
     */
    public void powerCycle(BmcTarget target) {
        if (powerStatus(target) == PowerState.OFF) {
            powerOn(target);
        } else {
            control(target, "cycle", "Cycle");
        }
    }

    /**
     * Polls the power status every half second until it is {@code wanted}; {@code TIMEOUT} when it is not within
     * {@code timeout}. No poll runs past that deadline. Other failures of a poll end the wait at once.
     */
    public void waitForPower(BmcTarget target, PowerState wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<PowerState> seen = Optional.empty();
        Duration left = timeout;
        while (left.compareTo(Duration.ZERO) > 0) {
            try {
                seen = Optional.of(powerStatus(target, min(timeouts.command(), left)));
            } catch (DriverException e) {
                if (e.reason() == FailureReason.TIMEOUT && System.nanoTime() - deadline >= 0) {
                    break;   // the poll ran into the wait's own deadline
                }
                throw e;
            }
            if (seen.get() == wanted) {
                return;
            }
            left = Duration.ofNanos(deadline - System.nanoTime());
            sleep(target, min(POLL, left));
            left = Duration.ofNanos(deadline - System.nanoTime());
        }
        throw new DriverException(FailureReason.TIMEOUT, target.device(), "power not " + wanted + " within " + timeout
                + seen.map(s -> " (last seen " + s + ")").orElse(""));
    }

    /**
     * Sets the boot device for the next boot, or for every boot when {@code persistent} ({@code chassis bootdev pxe
     * options=persistent}). Legacy BIOS boot; the EFI flag is not set.
     */
    public void setBootDevice(BmcTarget target, BootDevice device, boolean persistent) {
        String name = device.ipmitoolName();
        String[] args = persistent ? new String[]{"chassis", "bootdev", name, "options=persistent"}
                : new String[]{"chassis", "bootdev", name};
        ipmitool.run(target, "set boot device " + name, timeouts.command(),
                IpmitoolOutput.expectLine("Set Boot Device to " + name), args);
    }

    /** The boot device override the BMC holds; empty for none, or for a device Ferrum does not set. */
    public Optional<BootDevice> bootDevice(BmcTarget target) {
        return ipmitool.run(target, "get boot device", timeouts.command(), IpmitoolOutput::bootDevice,
                "chassis", "bootparam", "get", "5");
    }

    /** Every sensor in the BMC's SDR repository with its reading. */
    public List<SensorReading> sensors(BmcTarget target) {
        return ipmitool.run(target, "read sensors", timeouts.command(), IpmitoolSensors::parse, "sdr", "elist");
    }

    private PowerState powerStatus(BmcTarget target, Duration deadline) {
        return ipmitool.run(target, "power status", deadline, IpmitoolOutput::powerState, "chassis", "power", "status");
    }

    private void control(BmcTarget target, String action, String acknowledgement) {
        ipmitool.run(target, "power " + action, timeouts.command(),
                IpmitoolOutput.expectLine("Chassis Power Control: " + acknowledgement), "chassis", "power", action);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(BmcTarget target, Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(FailureReason.CLOSED, target.device(), "interrupted while waiting for power");
        }
    }
}
