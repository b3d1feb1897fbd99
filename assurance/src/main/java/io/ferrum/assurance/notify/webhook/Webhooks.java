package io.ferrum.assurance.notify.webhook;

import io.ferrum.assurance.audit.Severity;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.TextLimits;
import io.ferrum.model.common.WireValue;
import io.ferrum.model.secrets.SecretCipher;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhooks, in PostgreSQL; each secret sealed with the node's {@link SecretCipher} and bound to the webhook's
 * name. Only the sender opens a secret ({@link #secret}), to sign a delivery.
 */
@Transactional
public class Webhooks {

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int MIN_SECRET = 16;
    private static final String COLUMNS = "name, url, min_severity, sites, enabled, created_by, created_at";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    public Webhooks(JdbcTemplate jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Creates or replaces the webhook {@code name}; its pending deliveries keep going to the new URL and secret. */
    public Webhook put(String name, WebhookDraft draft, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw IntentException.invalid("name", "expected lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        if (draft == null) {
            throw IntentException.invalid("body", "expected {url, secret, minSeverity?, sites?, enabled?}");
        }
        String url = url(draft.url());
        if (draft.secret() == null || draft.secret().length() < MIN_SECRET || draft.secret().length() > 1024) {
            throw IntentException.invalid("secret", "expected " + MIN_SECRET + " to 1024 characters: the key the "
                    + "receiver checks the HMAC-SHA256 signature with");
        }
        Severity min = severity(draft.minSeverity());
        List<String> sites = draft.sites() == null ? List.of() : draft.sites();
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i) == null || sites.get(i).isBlank()) {
                throw IntentException.invalid("sites[" + i + "]", "expected a site code");
            }
        }
        SecretCipher.Sealed sealed = cipher.seal(draft.secret(), associatedData(name));
        boolean enabled = draft.enabled() == null || draft.enabled();
        jdbc.update(con -> {
            var insert = con.prepareStatement("INSERT INTO webhook (name, url, min_severity, sites, enabled, key_id, "
                    + "nonce, ciphertext, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                    + "ON CONFLICT (name) DO UPDATE SET url = excluded.url, min_severity = excluded.min_severity, "
                    + "sites = excluded.sites, enabled = excluded.enabled, key_id = excluded.key_id, "
                    + "nonce = excluded.nonce, ciphertext = excluded.ciphertext");
            insert.setString(1, name);
            insert.setString(2, url);
            insert.setString(3, min.wire());
            insert.setArray(4, con.createArrayOf("text", sites.toArray()));
            insert.setBoolean(5, enabled);
            insert.setString(6, sealed.keyId());
            insert.setBytes(7, sealed.nonce());
            insert.setBytes(8, sealed.ciphertext());
            insert.setString(9, actor);
            return insert;
        });
        LOG.info("webhook {} to {} stored by {}", name, url, actor);
        return find(name).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Webhook> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook ORDER BY name", (rs, n) -> webhook(rs));
    }

    @Transactional(readOnly = true)
    public Optional<Webhook> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE name = ?", (rs, n) -> webhook(rs), name).stream()
                .findFirst();
    }

    public Webhook get(String name) {
        return find(name).orElseThrow(() -> IntentException.notFound("name", "no webhook " + name));
    }

    /** Deletes the webhook and its deliveries, pending and dead. */
    public void delete(String name, String actor) {
        if (jdbc.update("DELETE FROM webhook WHERE name = ?", name) == 0) {
            throw IntentException.notFound("name", "no webhook " + name);
        }
        LOG.info("webhook {} deleted by {}", name, actor);
    }

    /** The webhook's secret, opened to sign a delivery (the sealed form comes with the claimed delivery). */
    String secret(String name, SecretCipher.Sealed sealed) {
        return cipher.open(sealed, associatedData(name));
    }

    private static String associatedData(String name) {
        return "webhook:" + name;
    }

    private static String url(String text) {
        if (text == null || text.isBlank()) {
            throw IntentException.invalid("url", "required: the http(s) URL drift events are posted to");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw IntentException.invalid("url", "expected an absolute http or https URL, got '" + text + "'");
            }
            if (text.length() > TextLimits.forField("url")) {
                throw IntentException.invalid("url", "at most " + TextLimits.forField("url") + " characters");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw IntentException.invalid("url", "not a URL: " + e.getReason());
        }
    }

    private static Severity severity(String text) {
        if (text == null) {
            return Severity.MINOR;
        }
        try {
            return WireValue.parse(Severity.class, text);
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid("minSeverity", e.getMessage());
        }
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        Array sites = rs.getArray("sites");
        return new Webhook(rs.getString("name"), rs.getString("url"),
                WireValue.parse(Severity.class, rs.getString("min_severity")),
                sites == null ? List.of() : List.of((String[]) sites.getArray()), rs.getBoolean("enabled"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
