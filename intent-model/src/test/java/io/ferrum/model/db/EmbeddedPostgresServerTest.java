package io.ferrum.model.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    /** Issue 13: after kill -9 of Ferrum its PostgreSQL lives on, detached; the next start must not trip on it. */
    @Test
    void aPostgresLeftBehindByAKilledFerrumIsStoppedAndTheNextStartSucceedsOnTheFirstTry() throws Exception {
        Process ferrum = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AbandonedPostgres.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(ferrum.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("ready"));
            assertThat(line).as("the stand-in Ferrum started its PostgreSQL").isEqualTo("ready");
        } finally {
            ferrum.destroyForcibly().waitFor(); // kill -9
        }
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

    @Test
    void aPidFileNamingAnotherProcessIsLeftAlone(@TempDir Path data) throws Exception {
        java.nio.file.Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        assertThat(OrphanedPostmaster.find(data)).isEmpty();
        java.nio.file.Files.writeString(data.resolve("postmaster.pid"), "not a pid\n");
        assertThat(OrphanedPostmaster.find(data)).isEmpty();
    }
}
