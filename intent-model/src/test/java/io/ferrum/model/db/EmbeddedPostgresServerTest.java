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
}
