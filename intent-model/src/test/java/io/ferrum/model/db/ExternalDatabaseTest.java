package io.ferrum.model.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteService;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * FERRUM_DB_URL (ferrum.db.url) points Ferrum at a PostgreSQL it did not start: Flyway migrates it and the intent is
 * stored there. The "external" server here is a separate PostgreSQL process the test starts itself.
 */
@SpringBootTest
class ExternalDatabaseTest {

    private static final EmbeddedPostgresServer EXTERNAL = startExternal();

    private static EmbeddedPostgresServer startExternal() {
        try {
            return EmbeddedPostgresServer.start(Files.createTempDirectory("ferrum-external-"), true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("ferrum.db.url", EXTERNAL::jdbcUrl);
        registry.add("ferrum.db.user", () -> "postgres");
        registry.add("ferrum.db.password", () -> "");
    }

    @AfterAll
    static void stop() throws Exception {
        EXTERNAL.close();
    }

    @Autowired
    SiteService sites;

    @Test
    void migratesAndStoresIntentInTheConfiguredDatabase() throws Exception {
        sites.create(new SiteDraft("ext1", "External 1", null, null, null, List.of()));
        try (var connection = DriverManager.getConnection(EXTERNAL.jdbcUrl());
             ResultSet rs = connection.createStatement().executeQuery("SELECT name FROM site WHERE code = 'ext1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("External 1");
        }
    }
}
