package io.ferrum.assurance.drift;

/**
 * A drift event was opened, moved or resolved: published inside the transaction, so deliveries (SSE, Alertmanager,
 * webhooks) listening after commit see only what was stored. {@code from} is null for a new event.
 */
public record DriftEventChanged(DriftEvent event, DriftState from) {
}
