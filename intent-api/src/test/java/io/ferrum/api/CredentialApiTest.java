package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.provisioning.secrets.CredentialKind;
import io.ferrum.provisioning.secrets.CredentialStore;
import io.ferrum.model.secrets.SecretCipher;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Device credentials are sealed at rest, never answered, never logged; the most specific one covering a device is
 * the one a driver gets; a ciphertext moved to another row does not open.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialApiTest extends ApiTestBase {

    @Autowired
    CredentialStore store;

    private static String secret() {
        return "s3cret-" + UUID.randomUUID();
    }

    @Test
    void aSecretIsStoredSealedAndNeverComesBackOutOrIntoTheLog(CapturedOutput output) {
        String secret = secret();
        // Everything that could echo a request or a statement, at its most talkative, for this one test.
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loud = List.of("io.ferrum", "org.springframework.web", "org.springframework.jdbc",
                "org.hibernate.SQL", "org.apache.catalina");
        loud.forEach(name -> logging.setLogLevel(name, LogLevel.TRACE));
        ApiClient.Response put;
        try {
            put = admin.put("/api/v1/credentials/cred-a", map("kind", "ssh-password", "username", "netops",
                "secret", secret, "scope", map("site", "cred-site")), null);
            store.resolve(CredentialKind.SSH_PASSWORD, "any-host", "cred-site", "leaf");
        } finally {
            loud.forEach(name -> logging.setLogLevel(name, null));
        }
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("kind").asString()).isEqualTo("ssh-password");
        assertThat(put.json().get("username").asString()).isEqualTo("netops");
        assertThat(put.json().get("scope").get("site").asString()).isEqualTo("cred-site");
        assertThat(put.json().get("keyId").asString()).hasSize(16);
        for (String body : List.of(put.body(), admin.get("/api/v1/credentials").body(),
                admin.get("/api/v1/credentials/cred-a").body())) {
            assertThat(body).doesNotContain(secret);
        }
        // at rest: no column of the row holds the secret, in any encoding PostgreSQL would show it
        Map<String, Object> row = jdbc.queryForMap("SELECT *, encode(ciphertext, 'escape') AS escaped, "
                + "encode(ciphertext, 'hex') AS hex FROM device_credential WHERE name = 'cred-a'");
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(secret));
        assertThat(output.getAll()).contains("credential cred-a (ssh-password) stored by admin").doesNotContain(secret);

        // but a driver about to log in gets it back
        assertThat(store.resolve(CredentialKind.SSH_PASSWORD, "any-host", "cred-site", "leaf").orElseThrow().secret())
                .isEqualTo(secret);
    }

    @Test
    void theMostSpecificCredentialCoveringADeviceWins() {
        String everywhere = secret();
        String site = secret();
        String device = secret();
        admin.put("/api/v1/credentials/credb-all", map("kind", "snmp-community", "secret", everywhere,
                "scope", map("role", "credb-role")), null);
        admin.put("/api/v1/credentials/credb-site", map("kind", "snmp-community", "secret", site,
                "scope", map("site", "credb", "role", "credb-role")), null);
        admin.put("/api/v1/credentials/credb-dev", map("kind", "snmp-community", "secret", device,
                "scope", map("device", "credb-leaf01")), null);

        assertThat(store.resolve(CredentialKind.SNMP_COMMUNITY, "credb-leaf01", "credb", "credb-role").orElseThrow()
                .secret()).isEqualTo(device);
        assertThat(store.resolve(CredentialKind.SNMP_COMMUNITY, "credb-leaf02", "credb", "credb-role").orElseThrow()
                .secret()).isEqualTo(site);
        assertThat(store.resolve(CredentialKind.SNMP_COMMUNITY, "credb-x", "other", "credb-role").orElseThrow()
                .secret()).isEqualTo(everywhere);
        assertThat(store.resolve(CredentialKind.SNMP_COMMUNITY, "credb-x", "other", "no-role")).isEmpty();
    }

    @Test
    void aCiphertextCopiedOntoAnotherCredentialDoesNotOpen() {
        admin.put("/api/v1/credentials/credc-a", map("kind", "bmc-password", "username", "root", "secret", secret(),
                "scope", map("device", "credc-a")), null);
        admin.put("/api/v1/credentials/credc-b", map("kind", "bmc-password", "username", "root", "secret", secret(),
                "scope", map("device", "credc-b")), null);
        jdbc.update("UPDATE device_credential b SET nonce = a.nonce, ciphertext = a.ciphertext FROM device_credential a "
                + "WHERE a.name = 'credc-a' AND b.name = 'credc-b'");

        assertThatThrownBy(() -> store.resolve(CredentialKind.BMC_PASSWORD, "credc-b", null, null))
                .isInstanceOf(SecretCipher.SecretException.class)
                .hasMessageContaining("credential credc-b does not open");
    }

    @Test
    void badCredentialsNameTheirFieldAndOnlyNetworkEngineersSeeThem() {
        var unknownKind = admin.put("/api/v1/credentials/credd", map("kind", "telnet", "secret", "x"), null);
        assertThat(unknownKind.status()).isEqualTo(422);
        assertThat(unknownKind.body()).contains("\"field\":\"kind\"", "is not a credential kind");
        var noUser = admin.put("/api/v1/credentials/credd", map("kind", "ssh-password", "secret", "x"), null);
        assertThat(noUser.status()).isEqualTo(422);
        assertThat(noUser.body()).contains("\"field\":\"username\"");
        var shortV3 = admin.put("/api/v1/credentials/credd", map("kind", "snmpv3", "username", "u", "secret", "short",
                "secondSecret", "long-enough"), null);
        assertThat(shortV3.status()).isEqualTo(422);
        assertThat(shortV3.body()).contains("\"field\":\"secret\"", "at least 8");
        var badName = admin.put("/api/v1/credentials/Bad%20Name", map("kind", "snmp-community", "secret", "x"), null);
        assertThat(badName.status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/credentials/credd").status()).isEqualTo(404);

        for (String[] user : List.of(new String[] {"credd-viewer", "viewer"}, new String[] {"credd-dce", "dc-engineer"},
                new String[] {"credd-ops", "operator"})) {
            assertThat(admin.post("/api/v1/users", map("username", user[0], "password", user[0] + "-password-long",
                    "roles", List.of(user[1]))).status()).isEqualTo(201);
            ApiClient client = ApiClient.basic(port, user[0], user[0] + "-password-long");
            assertThat(client.get("/api/v1/credentials").status()).as(user[1]).isEqualTo(403);
            assertThat(client.put("/api/v1/credentials/credd", map("kind", "snmp-community", "secret", "x"), null)
                    .status()).as(user[1]).isEqualTo(403);
        }
    }
}
