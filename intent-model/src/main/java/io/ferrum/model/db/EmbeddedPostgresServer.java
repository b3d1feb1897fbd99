package io.ferrum.model.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the zonky binaries, so that Ferrum starts with no install. Its data stays in
 * a directory that survives restarts unless it is ephemeral.
 */
public final class EmbeddedPostgresServer implements Closeable {

    static final String DATABASE = "ferrum";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private volatile EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;
    private final int port;
    private volatile java.util.concurrent.ScheduledExecutorService watchdog;
    private volatile boolean closing;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
        this.port = postgres.getPort();
    }

    public static EmbeddedPostgresServer start(Path home, boolean ephemeral) {
        try {
            Path dataDirectory;
            if (ephemeral) {
                EphemeralDataDirectories temporary = EphemeralDataDirectories.inTemp();
                temporary.sweep();
                dataDirectory = temporary.create();
            } else {
                dataDirectory = Files.createDirectories(home.resolve("pgdata"));
                OrphanedPostmaster.stopIfAny(dataDirectory);
            }
            EmbeddedPostgres postgres = builder(dataDirectory, ephemeral).setCleanDataDirectory(ephemeral).start();
            createDatabaseIfMissing(postgres.getPostgresDatabase());
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory, ephemeral);
        } catch (IOException | RuntimeException e) {
            // the builder keeps PostgreSQL's own words at debug level: say them where an operator looks
            log.error("Cannot start the embedded PostgreSQL under {}: {}", home, rootCause(e));
            throw e instanceof IOException io
                    ? new UncheckedIOException("Cannot start the embedded PostgreSQL under " + home + ": "
                            + rootCause(e), io)
                    : (RuntimeException) e;
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean ephemeral) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", ephemeral ? "off" : "on")
                .setServerConfig("synchronous_commit", ephemeral ? "off" : "on");
    }

    /**
     * Checks every {@code every} that the postmaster still runs, and if it died (killed, OOM) starts it again on the
     * same data and port, so the pool's URL stays right and the API recovers by itself: PostgreSQL replays its WAL,
     * and requests meanwhile get 503s. The database is Ferrum's own child here; an external one is its owner's.
     */
    public void watch(java.time.Duration every) {
        if (every.isZero() || every.isNegative() || watchdog != null) {
            return;
        }
        watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::restartIfDead, every.toMillis(), every.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The postmaster's pid from its lock file; empty when there is none (stopped cleanly). */
    private java.util.OptionalLong postmasterPid() {
        try {
            Path lock = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(lock)) {
                return java.util.OptionalLong.empty();
            }
            return java.util.OptionalLong.of(Long.parseLong(Files.readAllLines(lock).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private synchronized void restartIfDead() {
        if (closing) {
            return;
        }
        java.util.OptionalLong pid = postmasterPid();
        boolean alive = pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive)
                .orElse(false);
        if (alive) {
            return;
        }
        log.warn("The embedded PostgreSQL (pid {}) is gone; starting it again on port {} with data in {}",
                pid.isPresent() ? pid.getAsLong() : "?", port, dataDirectory);
        try {
            // its backends exit once they notice the postmaster is gone; PostgreSQL refuses to start while the old
            // shared memory is still attached, so give them a moment on the first try and retry on the next tick
            releaseDirectoryLock(postgres);
            postgres = builder(dataDirectory, ephemeral).setCleanDataDirectory(false).setPort(port).start();
            java.util.OptionalLong restarted = postmasterPid();
            log.warn("The embedded PostgreSQL runs again on port {} (pid {})", port,
                    restarted.isPresent() ? restarted.getAsLong() : "?");
        } catch (IOException | RuntimeException e) {
            log.error("Cannot restart the embedded PostgreSQL yet (next try in a moment): {}", rootCause(e));
        }
    }

    /**
     * zonky's EmbeddedPostgres holds a file lock on the data directory until close(), and close() of a dead server
     * would also wipe an ephemeral directory: release just the lock of the dead instance, so a new one may take the
     * same directory. zonky has no public call for this (2.2.2), hence the reflection, confined here.
     */
    private static void releaseDirectoryLock(EmbeddedPostgres dead) {
        try {
            for (String name : new String[] {"lock", "lockStream"}) {
                java.lang.reflect.Field field = EmbeddedPostgres.class.getDeclaredField(name);
                field.setAccessible(true);
                Object held = field.get(dead);
                if (held instanceof java.nio.channels.FileLock lock && lock.isValid()) {
                    lock.release();
                } else if (held instanceof Closeable closeable) {
                    closeable.close();
                }
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            log.warn("Could not release the dead PostgreSQL's directory lock: {}", rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void createDatabaseIfMissing(DataSource admin) {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the ferrum database in the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        closing = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        postgres.close();
        if (ephemeral) {
            EphemeralDataDirectories.delete(dataDirectory);
            log.debug("Discarded ephemeral PostgreSQL data in {}", dataDirectory);
        }
    }
}
