package io.ferrum.api.secrets;

import io.ferrum.provisioning.secrets.CredentialStore;
import io.ferrum.model.secrets.SecretCipher;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node's secret key and the credential store sealed with it. The key comes from FERRUM_SECRET_KEY (base64 of
 * 32 bytes) or, when that is unset, from FERRUM_HOME/secret.key, made on first start. Every node of a cluster needs
 * the same key.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(@Value("${ferrum.secrets.key:}") String key,
                              @Value("${ferrum.secrets.key-file:}") String keyFile,
                              @Value("${ferrum.db.home}") Path home) {
        return SecretCipher.load(key, keyFile.isBlank() ? home.resolve("secret.key") : Path.of(keyFile));
    }

    @Bean
    CredentialStore credentialStore(JdbcTemplate jdbc, SecretCipher cipher) {
        return new CredentialStore(jdbc, cipher);
    }
}
