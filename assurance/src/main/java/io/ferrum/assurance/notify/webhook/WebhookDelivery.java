package io.ferrum.assurance.notify.webhook;

import java.time.Instant;

/**
 * One drift-event change on its way to one webhook.
 *
 * @param kind        {@code drift-event.<state>}: what happened to the event
 * @param state       {@code pending}, {@code delivered} or {@code dead} (out of attempts; redeliver to try again)
 * @param lastStatus  the receiver's last HTTP status; null when it never answered
 */
public record WebhookDelivery(long id, String webhook, long eventId, String kind, String state, int attempts,
                              Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                              Instant deliveredAt) {
}
