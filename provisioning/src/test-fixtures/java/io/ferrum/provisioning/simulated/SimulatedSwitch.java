package io.ferrum.provisioning.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated switch: the state a lab device keeps (hostname, model, serial, firmware, running config, ports, a
 * flash directory) and its CLI, answering every command with the output and exit status of
 * {@code deploy/lab/device-shell}. SFTP reaches {@link #flash()} through {@link SimulatedFabric}. Commands on one
 * switch run one at a time, as the device's config lock would have them.
 */
public final class SimulatedSwitch {

    public static final String MODEL = "FLS-48X";
    public static final String FIRST_FIRMWARE = "1.0.0";

    private static final Pattern CONFIG_LINE = Pattern.compile("^[ \\t\\x0B\\f\\r]*(#.*)?$|^[^=]+=.*");
    private static final Pattern FIRMWARE_HEADER = Pattern.compile("FERRUM-FIRMWARE ([A-Za-z0-9._-]{1,32})");
    private static final Pattern LINUX_IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    private final String hostname;
    private final String serial;
    private final int port;
    private final KeyPair hostKey;
    private final Path flash;
    private final Instant booted = Instant.now();
    private final Map<String, Boolean> adminUp = new LinkedHashMap<>();
    private final List<LoggedCommand> log = Collections.synchronizedList(new ArrayList<>());
    private String running;
    private String firmware = FIRST_FIRMWARE;

    SimulatedSwitch(String hostname, int port, KeyPair hostKey, Path flash, List<String> ports) {
        this.hostname = hostname;
        this.serial = "FLB" + sha256(hostname.getBytes(StandardCharsets.UTF_8)).substring(0, 9)
                .toUpperCase(Locale.ROOT);
        this.port = port;
        this.hostKey = hostKey;
        this.flash = flash;
        this.running = "hostname = " + hostname + "\n";
        ports.forEach(p -> adminUp.put(p, true));
    }

    public String hostname() {
        return hostname;
    }

    /** The loopback TCP port this switch's SSH listens on. */
    public int port() {
        return port;
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    /** The directory SFTP is rooted at and {@code flash:} paths resolve in. */
    public Path flash() {
        return flash;
    }

    public String serial() {
        return serial;
    }

    public synchronized String runningConfig() {
        return running;
    }

    /** Sets the running config as an operator's hand edit would (drift), without a log entry. */
    public synchronized void setRunningConfig(String config) {
        this.running = config;
    }

    public synchronized String firmware() {
        return firmware;
    }

    /** Every command run, oldest first: the accounting log tests count to prove a run wrote nothing. */
    public List<LoggedCommand> commandLog() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** How many {@code configure ...} commands arrived (whether they succeeded or not). */
    public long configureCommands() {
        synchronized (log) {
            return log.stream().filter(c -> c.command().startsWith("configure ")).count();
        }
    }

    public void clearCommandLog() {
        log.clear();
    }

    /** Runs one command line as the device shell does for an SSH exec request. */
    public synchronized ShellReply execute(String command) {
        log.add(new LoggedCommand(Instant.now(), command));
        String[] words = command.trim().isEmpty() ? new String[0] : command.trim().split("\\s+");
        if (command.equals("show version")) {
            return ShellReply.ok(showVersion());
        } else if (command.equals("show running-config")) {
            return ShellReply.ok(running);
        } else if (command.equals("show interfaces")) {
            return ShellReply.ok(showInterfaces(null));
        } else if (command.startsWith("show interfaces ")) {
            return ShellReply.ok(showInterfaces(List.of(word(words, 2).split(","))));
        } else if (command.startsWith("configure replace ") || command.startsWith("configure merge ")) {
            return configure(words[1], word(words, 2));
        } else if (command.startsWith("install firmware ") && command.indexOf(" sha256 ", 17) >= 0) {
            return installFirmware(word(words, 2), word(words, 4));
        } else if (command.startsWith("interface ") && command.endsWith(" no shutdown")) {
            return setInterface(word(words, 1), true);
        } else if (command.startsWith("interface ") && command.endsWith(" shutdown")) {
            return setInterface(word(words, 1), false);
        } else if (command.equals("dir")) {
            return ShellReply.ok(dir());
        } else if (command.isEmpty()) {
            return ShellReply.fail(2, "interactive login is not supported; run one command per session");
        }
        return ShellReply.fail(127, "unknown command: " + command);
    }

    private static String word(String[] words, int i) {
        return i < words.length ? words[i] : "";
    }

    private String showVersion() {
        double uptime = Duration.between(booted, Instant.now()).toMillis() / 1000.0;
        return "hostname: " + hostname + "\nmodel: " + MODEL + " (Ferrum lab)\nfirmware: " + firmware
                + "\nserial: " + serial + "\nuptime: " + String.format(Locale.ROOT, "%.2f", uptime) + "s\n";
    }

    /** All ports, or only those named (as the shell's {@code show interfaces PORT,PORT}). */
    private String showInterfaces(List<String> only) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %-16s %-6s %s%n", "PORT", "IFNAME",
                "ADMIN", "OPER"));
        adminUp.forEach((p, up) -> {
            if (only == null || only.contains(p)) {
                out.append(String.format(Locale.ROOT, "%-28s %-16s %-6s %s%n", p, ifname(p), up ? "up" : "down",
                        up ? "up" : "down"));
            }
        });
        return out.toString();
    }

    // Config is line-oriented "key = value"; merge replaces lines whose key matches and appends new ones.
    private ShellReply configure(String mode, String name) {
        Path file = flashPath(name);
        if (file == null || !Files.isRegularFile(file)) {
            return missing(name, file == null);
        }
        List<String> lines = linesOf(read(file));
        if (lines.stream().anyMatch(l -> !CONFIG_LINE.matcher(l).matches())) {
            return ShellReply.fail(3, "config rejected: every line must be 'key = value'");
        }
        running = mode.equals("replace") ? new String(readBytes(file), StandardCharsets.UTF_8)
                : merged(lines, linesOf(running));
        long nonEmpty = linesOf(running).stream().filter(l -> !l.isEmpty()).count();
        return ShellReply.ok("configuration " + mode + "d (" + nonEmpty + " lines)\n");
    }

    /** The shell's awk merge, quirks included: an empty file makes the running config the "new" lines. */
    private static String merged(List<String> incoming, List<String> current) {
        if (incoming.isEmpty()) {
            incoming = current;
            current = List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (String line : incoming) {
            byKey.put(key(line), line);
            order.add(key(line));
        }
        StringBuilder out = new StringBuilder();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (String line : current) {
            String k = key(line);
            if (byKey.containsKey(k)) {
                out.append(byKey.get(k)).append('\n');
                done.add(k);
            } else {
                out.append(line).append('\n');
            }
        }
        for (String k : order) {
            if (done.add(k)) {
                out.append(byKey.get(k)).append('\n');
            }
        }
        return out.toString();
    }

    private static String key(String line) {
        int eq = line.indexOf('=');
        return (eq < 0 ? line : line.substring(0, eq)).replaceAll("\\s+$", "");
    }

    private ShellReply installFirmware(String name, String expected) {
        Path file = flashPath(name);
        if (file == null || !Files.isRegularFile(file)) {
            return missing(name, file == null);
        }
        byte[] image = readBytes(file);
        String actual = sha256(image);
        if (!actual.equals(expected)) {
            return ShellReply.fail(4, "checksum mismatch: image hashes to " + actual + ", expected " + expected);
        }
        List<String> lines = linesOf(new String(image, StandardCharsets.UTF_8));
        Matcher header = FIRMWARE_HEADER.matcher(lines.isEmpty() ? "" : lines.get(0));
        if (!header.matches()) {
            return ShellReply.fail(5, "not a firmware image (first line must be 'FERRUM-FIRMWARE <version>')");
        }
        firmware = header.group(1);
        return ShellReply.ok("firmware " + firmware + " installed; active after reload (lab: active now)\n");
    }

    /** One port or a comma-separated list, as the shell: every name checked before any port changes. */
    private ShellReply setInterface(String names, boolean up) {
        List<String> ports = List.of(names.split(","));
        for (String name : ports) {
            if (!adminUp.containsKey(name)) {
                return ShellReply.fail(2, "no such interface: " + name);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String name : ports) {
            adminUp.put(name, up);
            out.append("interface ").append(name).append(" (").append(ifname(name)).append("): ")
                    .append(up ? "no shutdown" : "shutdown").append('\n');
        }
        return ShellReply.ok(out.toString());
    }

    private String dir() {
        StringBuilder out = new StringBuilder();
        long blocks = 0;
        try (var entries = Files.list(flash)) {
            for (Path p : entries.sorted().toList()) {
                long size = Files.size(p);
                boolean directory = Files.isDirectory(p);
                blocks += directory ? 4 : (size + 4095) / 4096 * 4;
                out.append(String.format(Locale.ROOT, "%s 1 root root %d %s %s%n",
                        directory ? "drwxr-xr-x" : "-rw-r--r--", size,
                        java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ROOT)
                                .format(Files.getLastModifiedTime(p).toInstant().atZone(java.time.ZoneOffset.UTC)),
                        p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "total " + blocks + "\n" + out;
    }

    /** A CLI path inside flash, or null when it is not one (the shell's "invalid file name"). */
    private Path flashPath(String name) {
        String p = name.startsWith("flash:") ? name.substring(6) : name;
        p = p.startsWith("/") ? p.substring(1) : p;
        return p.isEmpty() || p.contains("..") ? null : flash.resolve(p);
    }

    // The shell computes the path in a subshell: an invalid name prints its error, then the file test fails too.
    private static ShellReply missing(String name, boolean invalid) {
        String message = "no such file: " + name;
        return invalid ? new ShellReply(2, "", "% invalid file name: " + name + "\n% " + message + "\n")
                : ShellReply.fail(2, message);
    }

    /** The lab's interface name for a port: kept when Linux accepts it, else a readable prefix and a hash. */
    static String ifname(String port) {
        if (LINUX_IFNAME.matcher(port).matches() && !port.equals("mgmt0") && !port.equals("lo")) {
            return port;
        }
        String prefix = port.replaceAll("[^A-Za-z0-9]", "");
        prefix = prefix.substring(0, Math.min(6, prefix.length()));
        return (prefix.isEmpty() ? "p" : prefix) + "-" + sha256(port.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    /** Lines as awk and grep see them: split at newlines, a last line without one still counts. */
    private static List<String> linesOf(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
