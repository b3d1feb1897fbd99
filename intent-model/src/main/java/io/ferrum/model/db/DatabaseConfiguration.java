package io.ferrum.model.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: {@code ferrum.db.url} (FERRUM_DB_URL), else Spring's {@code spring.datasource.url}, else an
 * embedded PostgreSQL under FERRUM_HOME.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FerrumDatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(FerrumDatabaseProperties properties, Environment environment) {
        boolean external = properties.external() || environment.containsProperty("spring.datasource.url")
                && !environment.getProperty("spring.datasource.url", "").isBlank();
        if (external) {
            return EmbeddedPostgresHolder.none();
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.home(), properties.ephemeral());
        server.watch(environment.getProperty("ferrum.db.embedded-watchdog", java.time.Duration.class,
                java.time.Duration.ofSeconds(5)));
        return EmbeddedPostgresHolder.of(server);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(FerrumDatabaseProperties properties, Environment environment,
                          ObjectProvider<EmbeddedPostgresHolder> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ferrum");
        config.setMaximumPoolSize(environment.getProperty("ferrum.db.pool-size", Integer.class, 20));
        // A request waits this long for a connection, then fails (503) instead of hanging 30 s when the database is
        // gone; also bounds how long a connection attempt to a dead server may take.
        long waitMs = environment.getProperty("ferrum.db.connection-wait-ms", Long.class, 3000L);
        config.setConnectionTimeout(waitMs);
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, waitMs / 1000)));
        EmbeddedPostgresHolder holder = embedded.getObject();
        if (holder.server() != null) {
            config.setJdbcUrl(holder.server().jdbcUrl());
        } else if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else {
            config.setJdbcUrl(environment.getProperty("spring.datasource.url"));
            config.setUsername(environment.getProperty("spring.datasource.username"));
            config.setPassword(environment.getProperty("spring.datasource.password"));
        }
        // Hibernate batches inserts; the driver must turn them into multi-row statements to be fast.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, if any, so that it stops after the pool that uses it. */
    record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        static EmbeddedPostgresHolder none() {
            return new EmbeddedPostgresHolder(null);
        }

        static EmbeddedPostgresHolder of(EmbeddedPostgresServer server) {
            return new EmbeddedPostgresHolder(server);
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
