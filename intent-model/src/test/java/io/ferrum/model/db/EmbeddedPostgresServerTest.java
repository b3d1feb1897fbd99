package io.ferrum.model.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    @Test
    void dataUnderFerrumHomeSurvivesARestart() throws Exception {
        try (var server = EmbeddedPostgresServer.start(home, false);
             var connection = DriverManager.getConnection(server.jdbcUrl())) {
            connection.createStatement().execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            assertThat(server.dataDirectory()).isEqualTo(home.resolve("pgdata"));
        }
        try (var server = EmbeddedPostgresServer.start(home, false);
             var connection = DriverManager.getConnection(server.jdbcUrl());
             var rs = connection.createStatement().executeQuery("SELECT id FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    /** Runs a stand-in Ferrum that starts its PostgreSQL, kills it with -9 and returns the data directory it used. */
    private Path killedFerrum(String... mode) throws Exception {
        var command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AbandonedPostgres.class.getName(),
                home.toString()));
        command.addAll(List.of(mode));
        Process ferrum = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path data = null;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(ferrum.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
                if (line != null && line.startsWith("data ")) {
                    data = Path.of(line.substring(5));
                }
            } while (line != null && !line.equals("ready"));
            assertThat(line).as("the stand-in Ferrum started its PostgreSQL").isEqualTo("ready");
        } finally {
            ferrum.destroyForcibly().waitFor(); // kill -9
        }
        return data;
    }

    /** Issue 13: after kill -9 of Ferrum its PostgreSQL lives on, detached; the next start must not trip on it. */
    @Test
    void aPostgresLeftBehindByAKilledFerrumIsStoppedAndTheNextStartSucceedsOnTheFirstTry() throws Exception {
        killedFerrum();
        ProcessHandle orphan = OrphanedPostmaster.find(home.resolve("pgdata")).orElseThrow(
                () -> new AssertionError("PostgreSQL did not outlive the killed JVM: nothing to test"));

        try (var server = EmbeddedPostgresServer.start(home, false);
             var connection = DriverManager.getConnection(server.jdbcUrl());
             var rs = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(rs.next()).isTrue();
        } finally {
            orphan.destroyForcibly();
        }
    }

    /** The ephemeral servers of killed test and benchmark JVMs piled up; the next ephemeral start removes them. */
    @Test
    void anEphemeralPostgresLeftBehindByAKilledJvmIsStoppedAndItsDataDeletedByTheNextEphemeralStart() throws Exception {
        Path data = killedFerrum("ephemeral");
        assertThat(data.getParent().getFileName().toString()).startsWith(EphemeralDataDirectories.PREFIX);
        ProcessHandle orphan = OrphanedPostmaster.find(data).orElseThrow(
                () -> new AssertionError("PostgreSQL did not outlive the killed JVM: nothing to test"));
        try (var server = EmbeddedPostgresServer.start(home, true)) {
            assertThat(orphan.isAlive()).as("the orphan's postgres was stopped").isFalse();
            assertThat(data.getParent()).as("and its directory deleted").doesNotExist();
            assertThat(server.dataDirectory().getParent().resolve("owner")).exists();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void anEphemeralServerOfALiveJvmIsLeftAloneAndItsDirectoryGoesWithIt() throws Exception {
        Path data;
        try (var mine = EmbeddedPostgresServer.start(home, true);
             var other = EmbeddedPostgresServer.start(home, true);
             var connection = DriverManager.getConnection(mine.jdbcUrl());
             var rs = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(rs.next()).as("a second start in the same JVM did not sweep the first").isTrue();
            data = mine.dataDirectory();
        }
        assertThat(data.getParent()).as("closing deletes the whole ephemeral directory").doesNotExist();
    }

    @Test
    void aPidFileNamingAnotherProcessIsLeftAlone(@TempDir Path data) throws Exception {
        java.nio.file.Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        assertThat(OrphanedPostmaster.find(data)).isEmpty();
        java.nio.file.Files.writeString(data.resolve("postmaster.pid"), "not a pid\n");
        assertThat(OrphanedPostmaster.find(data)).isEmpty();
    }
}
