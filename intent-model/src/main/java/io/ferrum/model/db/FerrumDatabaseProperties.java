package io.ferrum.model.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the intent lives. With no {@code url}, Ferrum starts its own PostgreSQL under {@code home}/pgdata.
 *
 * @param url       JDBC URL of an external PostgreSQL ({@code FERRUM_DB_URL}); blank means embedded
 * @param user      user for the external database ({@code FERRUM_DB_USER})
 * @param password  password for the external database ({@code FERRUM_DB_PASSWORD})
 * @param home      Ferrum's home directory ({@code FERRUM_HOME}, default {@code ~/.ferrum})
 * @param ephemeral when embedded, throw the data away on shutdown (tests)
 */
@ConfigurationProperties("ferrum.db")
public record FerrumDatabaseProperties(String url, String user, String password, Path home, boolean ephemeral) {

    public FerrumDatabaseProperties {
        if (home == null) {
            home = Path.of(System.getProperty("user.home"), ".ferrum");
        }
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
