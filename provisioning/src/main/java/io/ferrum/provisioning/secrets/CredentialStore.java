package io.ferrum.provisioning.secrets;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.secrets.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Device credentials in PostgreSQL, sealed with the node's {@link SecretCipher}: what is stored is ciphertext bound
 * to its name and kind. Reads for people ({@link #list}) never open a secret; only {@link #resolve} does, for a
 * driver about to log in.
 */
public class CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "name, kind, username, scope_site, scope_role, scope_device, key_id, nonce, "
            + "ciphertext, updated_by, updated_at";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public CredentialStore(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** What a client asks to store; {@code secondSecret} only for snmpv3 (the privacy passphrase). */
    public record Put(String kind, String username, String secret, String secondSecret, CredentialScope scope) {
        @Override
        public String toString() {
            return "Put[kind=" + kind + ", username=" + username + ", scope=" + scope + "]";
        }
    }

    /** Stores (or replaces) a credential; answers what people may see of it. */
    public Credential put(String name, Put put, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw IntentException.invalid("name", "expected lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        CredentialKind kind = CredentialKind.of(put.kind());
        if (kind.needsUsername() && (put.username() == null || put.username().isBlank())) {
            throw IntentException.invalid("username", "required for " + kind.wire());
        }
        if (put.username() != null && put.username().length() > 64) {
            throw IntentException.invalid("username", "at most 64 characters");
        }
        if (put.secret() == null || put.secret().isEmpty()) {
            throw IntentException.invalid("secret", "required");
        }
        if (put.secret().length() > 16_384 || (put.secondSecret() != null && put.secondSecret().length() > 16_384)) {
            throw IntentException.invalid("secret", "at most 16384 characters");
        }
        if (kind == CredentialKind.SNMPV3 && (put.secret().length() < 8 || put.secondSecret() == null
                || put.secondSecret().length() < 8)) {
            throw IntentException.invalid(put.secret().length() < 8 ? "secret" : "secondSecret", "SNMPv3 needs an "
                    + "authentication passphrase (secret) and a privacy passphrase (secondSecret) of at least 8 "
                    + "characters each (RFC 3414 key localisation)");
        }
        if (kind != CredentialKind.SNMPV3 && put.secondSecret() != null) {
            throw IntentException.invalid("secondSecret", "only snmpv3 credentials have a second secret");
        }
        CredentialScope scope = put.scope() == null ? CredentialScope.EVERYWHERE : put.scope();
        String plaintext = JSON.writeValueAsString(put.secondSecret() == null ? List.of(put.secret())
                : List.of(put.secret(), put.secondSecret()));
        SecretCipher.Sealed sealed = cipher.seal(plaintext, associatedData(name, kind));
        jdbc.update("INSERT INTO device_credential (name, kind, username, scope_site, scope_role, scope_device, key_id, "
                + "nonce, ciphertext, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                + "kind = excluded.kind, username = excluded.username, scope_site = excluded.scope_site, "
                + "scope_role = excluded.scope_role, scope_device = excluded.scope_device, key_id = excluded.key_id, "
                + "nonce = excluded.nonce, ciphertext = excluded.ciphertext, updated_by = excluded.updated_by, "
                + "updated_at = now()", name, kind.wire(), put.username(), scope.site(), scope.role(), scope.device(),
                sealed.keyId(), sealed.nonce(), sealed.ciphertext(), actor);
        LOG.info("credential {} ({}) stored by {} for {}", name, kind.wire(), actor, scope);
        return find(name).orElseThrow();
    }

    public List<Credential> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM device_credential ORDER BY name", (rs, row) -> credential(rs));
    }

    public Optional<Credential> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM device_credential WHERE name = ?", (rs, row) -> credential(rs),
                name).stream().findFirst();
    }

    public boolean delete(String name, String actor) {
        boolean deleted = jdbc.update("DELETE FROM device_credential WHERE name = ?", name) > 0;
        if (deleted) {
            LOG.info("credential {} deleted by {}", name, actor);
        }
        return deleted;
    }

    /**
     * The most specific credential of {@code kind} for a device, opened; empty when none covers it.
     *
     * @throws SecretCipher.SecretException when it was sealed under another key or altered
     */
    public Optional<OpenedCredential> resolve(CredentialKind kind, String hostname, String site, String role) {
        record Row(Credential credential, SecretCipher.Sealed sealed) {
        }
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM device_credential WHERE kind = ?",
                (rs, n) -> new Row(credential(rs), new SecretCipher.Sealed(rs.getString("key_id"),
                        rs.getBytes("nonce"), rs.getBytes("ciphertext"))), kind.wire());
        return rows.stream().filter(r -> r.credential().scope().covers(hostname, site, role))
                .max(Comparator.comparingInt((Row r) -> r.credential().scope().specificity())
                        .thenComparing(r -> r.credential().name(), Comparator.reverseOrder()))
                .map(r -> {
                    String plaintext;
                    try {
                        plaintext = cipher.open(r.sealed(), associatedData(r.credential().name(), kind));
                    } catch (SecretCipher.SecretException e) {
                        throw new SecretCipher.SecretException("credential " + r.credential().name() + " "
                                + e.getMessage());
                    }
                    List<String> secrets = JSON.readValue(plaintext, new tools.jackson.core.type.TypeReference<>() {
                    });
                    return new OpenedCredential(r.credential().name(), kind, r.credential().username(),
                            secrets.get(0), secrets.size() > 1 ? secrets.get(1) : null);
                });
    }

    /** As {@link #resolve(CredentialKind, String, String, String)}, finding the device's site and role in intent. */
    public Optional<OpenedCredential> resolve(CredentialKind kind, String hostname) {
        List<String[]> device = jdbc.query("SELECT s.code, d.role FROM device d JOIN site s ON s.id = d.site_id "
                + "WHERE d.hostname = ?", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, hostname);
        return device.isEmpty() ? resolve(kind, hostname, null, null)
                : resolve(kind, hostname, device.get(0)[0], device.get(0)[1]);
    }

    private static String associatedData(String name, CredentialKind kind) {
        return "ferrum-credential:" + name + ":" + kind.wire();
    }

    private static Credential credential(ResultSet rs) throws SQLException {
        return new Credential(rs.getString("name"), CredentialKind.of(rs.getString("kind")), rs.getString("username"),
                new CredentialScope(rs.getString("scope_site"), rs.getString("scope_role"),
                        rs.getString("scope_device")), rs.getString("key_id"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
