package io.ferrum.model.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throw-away PostgreSQL data directories ({@code ferrum.db.ephemeral}: tests, benchmarks, the launcher's
 * start-up-archive run): {@code TMP/ferrum-pg-XXXX/data}, beside an {@code owner} file naming the JVM that owns it
 * (pid and start time, so a reused pid is not mistaken for it; beside, because initdb wants an empty directory). A JVM that exits normally stops its server and deletes the directory (zonky's shutdown
 * hook); one killed with -9 cannot, so every new ephemeral start first sweeps the directories whose owner is gone:
 * stops their still-running postmaster (only a postgres serving that very directory) and deletes them. Without the
 * sweep, killed test and benchmark JVMs leave postgres processes and their data behind on a developer's machine.
 */
final class EphemeralDataDirectories {

    static final String PREFIX = "ferrum-pg-";
    private static final String OWNER = "owner";
    private static final String DATA = "data";
    /** A directory without an owner file (made by an older Ferrum, or mid-creation) is left alone this long. */
    private static final Duration UNOWNED_GRACE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(EphemeralDataDirectories.class);

    private final Path parent;

    EphemeralDataDirectories(Path parent) {
        this.parent = parent;
    }

    static EphemeralDataDirectories inTemp() {
        return new EphemeralDataDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A new data directory owned by this JVM (not yet created: initdb makes it). */
    Path create() throws IOException {
        Path directory = Files.createTempDirectory(parent, PREFIX);
        Files.writeString(directory.resolve(OWNER), ownerLine(ProcessHandle.current()), StandardCharsets.UTF_8);
        return directory.resolve(DATA);
    }

    /** Deletes what {@link #create()} made, once its server has stopped. */
    static void delete(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.getParent();
        if (directory != null && directory.getFileName().toString().startsWith(PREFIX)) {
            deleteRecursively(directory);
        }
    }

    /** Stops and deletes what killed JVMs left; returns how many directories went. */
    int sweep() {
        int swept = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path directory : candidates) {
                if (Files.isDirectory(directory) && abandoned(directory)) {
                    Optional<Long> stopped = OrphanedPostmaster.stopIfAny(directory.resolve(DATA));
                    deleteRecursively(directory);
                    log.info("Removed the ephemeral PostgreSQL data {} of a Ferrum that is gone{}", directory,
                            stopped.map(pid -> " (stopped its postgres, pid " + pid + ")").orElse(""));
                    swept++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a sweep that cannot finish is no reason not to start: the leftovers wait for the next one
            log.warn("Could not sweep ephemeral PostgreSQL directories in {}: {}", parent, e.getMessage());
        }
        return swept;
    }

    private static boolean abandoned(Path directory) throws IOException {
        Path owner = directory.resolve(OWNER);
        if (!Files.isRegularFile(owner)) {
            Instant modified = Files.getLastModifiedTime(directory).toInstant();
            return modified.isBefore(Instant.now().minus(UNOWNED_GRACE))
                    && OrphanedPostmaster.find(directory.resolve(DATA)).isEmpty();
        }
        String line = Files.readString(owner, StandardCharsets.UTF_8).trim();
        long pid;
        try {
            pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
        } catch (RuntimeException unreadable) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(EphemeralDataDirectories::ownerLine)
                .map(alive -> !alive.equals(line)).orElse(true);
    }

    private static String ownerLine(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
