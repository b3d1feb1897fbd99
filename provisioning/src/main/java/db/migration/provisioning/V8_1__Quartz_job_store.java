package db.migration.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Quartz's JDBC job store tables (the pipeline engine's scheduler, clustered across Ferrum nodes), created from the
 * DDL that ships inside the Quartz jar we run with, so the schema always matches the library. The script's
 * {@code DROP TABLE} lines are skipped: a migration never drops.
 */
public class V8_1__Quartz_job_store extends BaseJavaMigration {

    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String ddl;
        try (InputStream in = org.quartz.Scheduler.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("Quartz's " + SCRIPT + " is not on the classpath");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                String trimmed = sql.strip();
                if (trimmed.isEmpty() || trimmed.toUpperCase(java.util.Locale.ROOT).startsWith("DROP ")
                        || trimmed.equalsIgnoreCase("COMMIT")) {
                    continue;
                }
                statement.execute(trimmed);
            }
        }
    }
}
