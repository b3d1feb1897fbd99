package io.ferrum.provisioning.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Drives deploy/lab/lab from tests: preconditions, up, down, miswire, inventory. A test fixture shared by the modules
 * whose tests need the lab (provisioning, assurance, the API).
 */
public final class Lab {

    /** One lab device as {@code lab inventory} lists it. */
    public record Device(String name, String mgmtIp, String serial, String user, Path key) {
    }

    public record Result(int exit, String output) {
    }

    private final Path script;

    private Lab(Path script) {
        this.script = script;
    }

    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/lab/lab"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/lab/lab not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Lab locate() {
        return new Lab(repoRoot().resolve("deploy/lab/lab"));
    }

    /** Why the lab cannot run here, or empty when it can (installing missing packages on the way). */
    public Optional<String> whyUnavailable() throws Exception {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return Optional.of("the lab needs Linux network namespaces");
        }
        Result id = run(10, "id", "-u");
        if (!id.output().strip().equals("0")) {
            return Optional.of("the lab needs root (uid is " + id.output().strip() + ")");
        }
        String probe = "ferrum-probe-" + ProcessHandle.current().pid();
        Result netns = run(10, "ip", "netns", "add", probe);
        run(10, "ip", "netns", "del", probe);
        if (netns.exit() != 0) {
            return Optional.of("cannot create network namespaces: " + netns.output().strip());
        }
        Result deps = run(600, script.toString(), "check-deps", "--install");
        if (deps.exit() != 0) {
            return Optional.of("lab packages unavailable: " + deps.output().strip());
        }
        return Optional.empty();
    }

    public Result up(Path csv) throws Exception {
        if (Files.exists(Path.of("/run/ferrum-lab/devices.txt"))) {
            down();
        }
        return run(180, script.toString(), "up", csv.toString());
    }

    /** Builds the lab from Ferrum's exports in {@code dir} ({@code ferrum lab export}'s files). */
    public Result upFrom(Path dir) throws Exception {
        if (Files.exists(Path.of("/run/ferrum-lab/devices.txt"))) {
            down();
        }
        long started = System.nanoTime();
        Result up = run(300, script.toString(), "up", "--from", dir.toString());
        System.out.printf("lab: up --from took %d s (exit %d)%n", (System.nanoTime() - started) / 1_000_000_000L,
                up.exit());
        return up;
    }

    /**
     * Takes the machine's one lab for the caller until the returned lock is closed: two builds running lab tests at
     * once (e.g. two modules' verify) take turns.
     */
    public static java.nio.channels.FileChannel exclusive() throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(Path.of("/run/ferrum-lab.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        channel.lock();
        return channel;
    }

    public Result down() throws Exception {
        return run(120, script.toString(), "down");
    }

    public Result miswire(String cableA, String cableB) throws Exception {
        return run(120, script.toString(), "miswire", cableA, cableB);
    }

    public Result verifyLldp(Path csv) throws Exception {
        return run(120, script.toString(), "verify-lldp", csv.toString());
    }

    public Map<String, Device> inventory() throws Exception {
        Result r = run(30, script.toString(), "inventory");
        if (r.exit() != 0) {
            throw new IllegalStateException("lab inventory failed: " + r.output());
        }
        Map<String, Device> devices = new LinkedHashMap<>();
        for (String line : r.output().strip().split("\n")) {
            if (line.isBlank() || line.startsWith("lab:")) {
                continue;
            }
            String[] f = line.split("\t");
            devices.put(f[0], new Device(f[0], f[1], f[2], f[3], Path.of(f[4])));
        }
        return devices;
    }

    public static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out;
        // Read on this thread; the process ends (or is killed below) so the stream reaches EOF.
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        Thread killer = new Thread(() -> {
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    timedOut.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                p.destroyForcibly();
            }
        });
        killer.setDaemon(true);
        killer.start();
        out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        String output = new String(out, StandardCharsets.UTF_8);
        if (timedOut.get()) {
            // say so: an exit of 137 alone reads like a crash
            output += "\nlab: " + String.join(" ", command) + " killed after its " + timeoutSeconds + " s timeout\n";
        }
        return new Result(exit, output);
    }
}
