package io.ferrum.assurance.notify.webhook;

import io.ferrum.assurance.drift.DriftEventChanged;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a delivery per interested webhook for every drift-event change, inside the transaction that made the
 * change (a plain, synchronous listener): the change and its deliveries commit together or not at all, so a crash
 * between them cannot lose a delivery or send one for a change that was rolled back.
 */
public class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Webhooks webhooks;

    public WebhookOutbox(JdbcTemplate jdbc, Webhooks webhooks) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
    }

    @EventListener
    void on(DriftEventChanged change) {
        List<Webhook> interested = webhooks.list().stream()
                .filter(w -> w.wants(change.event().site(), change.event().severity())).toList();
        if (interested.isEmpty()) {
            return;
        }
        String kind = "drift-event." + change.event().state().wire();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", kind);
        payload.put("occurredAt", Instant.now().toString());
        payload.put("previousState", change.from() == null ? null : change.from().wire());
        payload.put("event", change.event());
        String json = JSON.writeValueAsString(payload);
        for (Webhook webhook : interested) {
            jdbc.update("INSERT INTO webhook_delivery (webhook, event_id, kind, payload, state, next_attempt_at, "
                    + "created_at) VALUES (?, ?, ?, ?::json, 'pending', now(), now())", webhook.name(),
                    change.event().id(), kind, json);
        }
    }
}
