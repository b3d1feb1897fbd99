package io.ferrum.provisioning.driver.ipmi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads ipmitool's chassis output (power, boot device); samples captured from ipmitool 1.8.19 are in the tests. */
final class IpmitoolOutput {

    private static final Pattern POWER = Pattern.compile("(?m)^Chassis Power is (on|off)$");
    private static final Pattern SELECTOR = Pattern.compile("(?m)^\\s*- Boot Device Selector : (.+)$");

    private IpmitoolOutput() {
    }

    /** Parses one command's stdout; throws {@link UnexpectedOutput} when it is not what the command prints. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String stdout) throws UnexpectedOutput;
    }

    /** stdout that is not what the command prints on success. */
    static final class UnexpectedOutput extends Exception {
        UnexpectedOutput(String what, String stdout) {
            super(what + ", got: " + excerpt(stdout));
        }

        private static String excerpt(String stdout) {
            String flat = stdout.strip().replace('\n', '|');
            return flat.isEmpty() ? "(nothing)" : flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
        }
    }

    /** {@code chassis power status}: "Chassis Power is on". */
    static PowerState powerState(String stdout) throws UnexpectedOutput {
        Matcher m = POWER.matcher(stdout);
        if (!m.find()) {
            throw new UnexpectedOutput("expected 'Chassis Power is on|off'", stdout);
        }
        return m.group(1).equals("on") ? PowerState.ON : PowerState.OFF;
    }

    /**
     * A parser that accepts the line a command prints once the BMC took it: {@code chassis power on} prints "Chassis
     * Power Control: Up/On", {@code chassis bootdev pxe} prints "Set Boot Device to pxe".
     */
    static Parser<Void> expectLine(String line) {
        return stdout -> {
            if (stdout.lines().noneMatch(l -> l.strip().equals(line))) {
                throw new UnexpectedOutput("expected '" + line + "'", stdout);
            }
            return null;
        };
    }

    /**
     * {@code chassis bootparam get 5}: the boot device selector, empty for "No override" and for devices Ferrum does
     * not set (CD/DVD, BIOS setup, safe mode …). The flag-valid and persistence bits are not read: ipmi_sim and some
     * BMCs do not echo them, and OpenStack Ironic ignores them too.
     */
    static Optional<BootDevice> bootDevice(String stdout) throws UnexpectedOutput {
        Matcher m = SELECTOR.matcher(stdout);
        if (!m.find()) {
            throw new UnexpectedOutput("expected a '- Boot Device Selector : …' line", stdout);
        }
        return switch (m.group(1).strip()) {
            case "Force PXE" -> Optional.of(BootDevice.PXE);
            case "Force Boot from default Hard-Drive" -> Optional.of(BootDevice.DISK);
            default -> Optional.empty();
        };
    }
}
