package io.ferrum.model.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every module owns its migrations under {@code db/migration/<module>/} in its own jar, and Flyway's one location
 * {@code classpath:db/migration} gathers them into one history.
 */
@SpringBootTest
class MigrationLocationsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIntentModelsMigrationIsAppliedFromItsModuleFolder() {
        assertThat(jdbc.queryForList("SELECT script FROM flyway_schema_history WHERE version = '1'", String.class))
                .containsExactly("intent-model/V1__intent_model.sql");
    }

    @Test
    void migrationsInAnotherModulesJarJoinTheOneHistory(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("other-module.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries as Maven's jar plugin writes them: Flyway finds a location through them.
            for (String directory : List.of("db/", "db/migration/", "db/migration/other-module/")) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("db/migration/other-module/V9999__probe.sql"));
            out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader withJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            // A schema of its own, so the probe only reads what Flyway would apply and touches nothing.
            Flyway flyway = Flyway.configure(withJar).dataSource(dataSource).schemas("migration_probe")
                    .createSchemas(false).locations("classpath:db/migration").load();
            List<String> scripts = Arrays.stream(flyway.info().all()).map(MigrationInfo::getScript).toList();
            assertThat(scripts).contains("intent-model/V1__intent_model.sql", "other-module/V9999__probe.sql");
        }
    }
}
