package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads why an ipmitool run failed from what it printed on stderr (it runs with {@code -v}, without which the RAKP
 * errors that tell a wrong password from a dead BMC are not printed). The patterns are ipmitool 1.8.19's messages
 * (src/plugins/lanplus/lanplus.c, lib/ipmi_chassis.c); the captured ones are in the tests' resources.
 */
final class IpmitoolFailures {

    /** The BMC has no session slot left (RMCP+ status 0x01, 0x0b): it will have one later. */
    private static final List<String> BUSY = List.of("insufficient resources for session",
            "insufficient resources for role");

    /** RAKP says the user, password or privilege is wrong. */
    private static final List<String> AUTH = List.of("RAKP 2 HMAC is invalid",
            "RAKP 4 message has invalid integrity check value", "unauthorized name", "invalid name length",
            "unauthorized role requested", "invalid role", "unauthorized GUID", "invalid integrity check value",
            "Set Session Privilege Level to");

    /** The BMC refuses the cipher suite: a setting to change, not a state to wait out. */
    private static final List<String> CIPHER = List.of("invalid authentication algorithm", "invalid integrity algorithm",
            "invalid confidentiality algorithm", "no matching cipher suite", "no matching authentication algorithm",
            "no matching integrity payload", "Unsupported cipher suite ID");

    /** Nothing answered, or the name does not resolve; "Unable to establish" alone means no RAKP error was seen. */
    private static final List<String> UNREACHABLE = List.of("Get Auth Capabilities error",
            "Error issuing Get Channel Authentication Capabilities request", "no response from RAKP",
            "Address lookup for", "Could not open socket", "Unable to establish IPMI v2 / RMCP+ session");

    /** A command the BMC answered with a non-zero completion code: "Set Chassis Power Control to Up/On failed: …". */
    private static final Pattern COMMAND_FAILED = Pattern.compile("(?m)^((?:Set|Get) .+ failed: .+)$");

    /** Inside a session, a command that got no answer: "Unable to set Chassis Power Control to Up/On". */
    private static final Pattern NO_ANSWER = Pattern.compile("(?m)^(Unable to (?:set|get) .+)$");

    private IpmitoolFailures() {
    }

    /** Why a run that exited non-zero failed. */
    static DriverException classify(String device, String action, int exitCode, String stderr) {
        Optional<String> line = find(stderr, BUSY);
        if (line.isPresent()) {
            return new DriverException(FailureReason.BUSY, device, action + ": BMC has no free session: " + line.get());
        }
        line = find(stderr, AUTH);
        if (line.isPresent()) {
            return new DriverException(FailureReason.AUTH_FAILED, device, action + ": BMC refused the login: " + line.get());
        }
        line = find(stderr, CIPHER);
        if (line.isPresent()) {
            return new DriverException(FailureReason.REJECTED, device, action + ": BMC refused the cipher suite: "
                    + line.get());
        }
        line = find(stderr, UNREACHABLE);
        if (line.isPresent()) {
            return new DriverException(FailureReason.UNREACHABLE, device, action + ": BMC did not answer: " + line.get());
        }
        Optional<DriverException> refused = refusal(device, action, stderr);
        if (refused.isPresent()) {
            return refused.get();
        }
        Matcher silent = NO_ANSWER.matcher(stderr);
        if (silent.find()) {
            return new DriverException(FailureReason.UNREACHABLE, device, action + ": " + silent.group(1).strip());
        }
        return new DriverException(FailureReason.REJECTED, device,
                action + ": ipmitool exited " + exitCode + ": " + lastLines(stderr));
    }

    /**
     * A command the BMC refused. Needed on exit 0 too: {@code chassis bootdev} exits 0 when the BMC answers Set System
     * Boot Options with an error, and only leaves out its "Set Boot Device to …" line.
     */
    static Optional<DriverException> refusal(String device, String action, String stderr) {
        Matcher failed = COMMAND_FAILED.matcher(stderr);
        return failed.find()
                ? Optional.of(new DriverException(FailureReason.REJECTED, device, action + ": " + failed.group(1).strip()))
                : Optional.empty();
    }

    /** The first stderr line holding one of {@code needles}. */
    private static Optional<String> find(String stderr, List<String> needles) {
        return stderr.lines()
                .filter(line -> needles.stream().anyMatch(line::contains))
                .map(line -> line.replaceFirst("^>\\s*", "").strip())
                .findFirst();
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return tail.isEmpty() ? "(no output)" : tail;
    }
}
