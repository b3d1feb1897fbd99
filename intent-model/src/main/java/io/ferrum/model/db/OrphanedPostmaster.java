package io.ferrum.model.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on Ferrum's data directory after Ferrum itself died (kill -9 leaves its embedded server
 * behind, detached). Found by the PID in the data directory's {@code postmaster.pid}, and stopped only when that
 * process really is a postgres serving this very directory, so a foreign process that reused the PID is never
 * touched.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    static final Duration FAST_SHUTDOWN = Duration.ofSeconds(15);

    private OrphanedPostmaster() {
    }

    /** Stops the postgres still serving {@code dataDirectory}, if there is one; returns its PID when it did. */
    static Optional<Long> stopIfAny(Path dataDirectory) {
        Optional<ProcessHandle> orphan = find(dataDirectory);
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("A PostgreSQL (pid {}) from an earlier Ferrum is still serving {}; stopping it before starting again",
                postmaster.pid(), dataDirectory);
        // SIGTERM is postgres' smart shutdown; its clients died with the old Ferrum, so it ends at once
        postmaster.destroy();
        try {
            postmaster.onExit().get(FAST_SHUTDOWN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("PostgreSQL pid {} did not stop within {}; killing it", postmaster.pid(), FAST_SHUTDOWN);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot wait for PostgreSQL pid " + postmaster.pid(), e);
        }
        return Optional.of(postmaster.pid());
    }

    /** The live postgres whose PID {@code postmaster.pid} names, if it serves {@code dataDirectory}. */
    static Optional<ProcessHandle> find(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(lockFile, StandardCharsets.UTF_8).get(0).trim());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> servesDirectory(p, dataDirectory));
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        // /proc/PID/cmdline holds the arguments NUL-separated: postgres ... -D <dir> ...
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            String[] args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
            boolean postgres = args.length > 0 && Path.of(args[0]).getFileName().toString().startsWith("postgres");
            for (int i = 0; postgres && i < args.length - 1; i++) {
                if (args[i].equals("-D") && sameDirectory(Path.of(args[i + 1]), dataDirectory)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException notVisible) {
            return false;
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
