package io.ferrum.assurance.notify.webhook;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.secrets.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The delivery outbox: claiming due deliveries, recording each attempt, listing dead letters, redelivering. */
@Transactional
public class WebhookDeliveries {

    private static final String COLUMNS = "id, webhook, event_id, kind, state, attempts, next_attempt_at, "
            + "last_status, last_error, created_at, delivered_at";
    private static final List<String> STATES = List.of("pending", "delivered", "dead");

    /** A claimed delivery: what to send, where, and the webhook's sealed secret to sign it with. */
    record Claimed(long id, String webhook, String url, SecretCipher.Sealed secret, String kind, String payload,
                   int attempts) {
    }

    private final JdbcTemplate jdbc;

    public WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} due deliveries, oldest first, each leased for {@code lease}: their next attempt moves past
     * the lease, so no other sender (on this node or another) takes them meanwhile, and a sender that dies mid-way
     * only delays them.
     */
    List<Claimed> claim(int limit, Duration lease) {
        return jdbc.query("UPDATE webhook_delivery d SET next_attempt_at = now() + ? * interval '1 millisecond' "
                + "FROM webhook w WHERE w.name = d.webhook AND d.id IN (SELECT id FROM webhook_delivery "
                + "WHERE state = 'pending' AND next_attempt_at <= now() ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING d.id, d.webhook, w.url, w.key_id, w.nonce, w.ciphertext, d.kind, "
                + "d.payload::text AS payload, d.attempts",
                (rs, n) -> new Claimed(rs.getLong("id"), rs.getString("webhook"), rs.getString("url"),
                        new SecretCipher.Sealed(rs.getString("key_id"), rs.getBytes("nonce"),
                                rs.getBytes("ciphertext")),
                        rs.getString("kind"), rs.getString("payload"), rs.getInt("attempts")),
                lease.toMillis(), limit).stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
    }

    void delivered(long id, int status) {
        jdbc.update("UPDATE webhook_delivery SET state = 'delivered', attempts = attempts + 1, last_status = ?, "
                + "last_error = NULL, delivered_at = now() WHERE id = ? AND state = 'pending'", status, id);
    }

    /** A failed attempt: tried again at {@code next}, or a dead letter when that was the last attempt allowed. */
    void failed(long id, Integer status, String error, Instant next, boolean dead) {
        jdbc.update("UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?, "
                + "state = CASE WHEN ? THEN 'dead' ELSE 'pending' END, next_attempt_at = ? "
                + "WHERE id = ? AND state = 'pending'", status, error.length() > 1000 ? error.substring(0, 1000) : error,
                dead, Timestamp.from(next), id);
    }

    @Transactional(readOnly = true)
    public List<WebhookDelivery> find(String webhook, String state, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw IntentException.invalid("state", "'" + state + "' is not one of " + STATES);
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM webhook_delivery WHERE true");
        List<Object> args = new ArrayList<>();
        if (webhook != null) {
            sql.append(" AND webhook = ?");
            args.add(webhook);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> delivery(rs), args.toArray());
    }

    @Transactional(readOnly = true)
    public WebhookDelivery get(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = ?", (rs, n) -> delivery(rs), id)
                .stream().findFirst().orElseThrow(() -> IntentException.notFound("id", "no webhook delivery " + id));
    }

    /** The exact body that is (or was) sent. */
    @Transactional(readOnly = true)
    public String payload(long id) {
        return jdbc.queryForList("SELECT payload::text FROM webhook_delivery WHERE id = ?", String.class, id).stream()
                .findFirst().orElseThrow(() -> IntentException.notFound("id", "no webhook delivery " + id));
    }

    /** A dead (or delivered) delivery goes out again now, with a fresh set of attempts. */
    public WebhookDelivery redeliver(long id) {
        WebhookDelivery delivery = get(id);
        if (delivery.state().equals("pending")) {
            throw IntentException.conflict("state", "delivery " + id + " is still pending (attempt "
                    + (delivery.attempts() + 1) + " at " + delivery.nextAttemptAt() + ")");
        }
        jdbc.update("UPDATE webhook_delivery SET state = 'pending', attempts = 0, next_attempt_at = now(), "
                + "delivered_at = NULL WHERE id = ?", id);
        return get(id);
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        Integer status = rs.getObject("last_status", Integer.class);
        return new WebhookDelivery(rs.getLong("id"), rs.getString("webhook"), rs.getLong("event_id"),
                rs.getString("kind"), rs.getString("state"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), status,
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
