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

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean ephemeral;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean ephemeral) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    public static EmbeddedPostgresServer start(Path home, boolean ephemeral) {
        try {
            Path dataDirectory = ephemeral
                    ? Files.createTempDirectory("ferrum-pg-")
                    : Files.createDirectories(home.resolve("pgdata"));
            if (!ephemeral) {
                OrphanedPostmaster.stopIfAny(dataDirectory);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(ephemeral)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                    .start();
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
        postgres.close();
        if (ephemeral) {
            log.debug("Discarded ephemeral PostgreSQL data in {}", dataDirectory);
        }
    }
}
