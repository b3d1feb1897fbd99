package io.ferrum.api.webhooks;

import io.ferrum.assurance.notify.webhook.WebhookDeliveries;
import io.ferrum.assurance.notify.webhook.WebhookDelivery;
import io.ferrum.model.common.IntentException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deliveries to webhooks: what was sent, what failed and why, the dead letters, and redelivery (operators). */
@RestController
@RequestMapping("/api/v1/webhook-deliveries")
class WebhookDeliveryController {

    private static final int MAX_LIMIT = 1000;

    private final WebhookDeliveries deliveries;

    WebhookDeliveryController(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Newest first; {@code state=dead} is the dead-letter list. */
    @GetMapping
    List<WebhookDelivery> list(@RequestParam(required = false) String webhook,
                               @RequestParam(required = false) String state,
                               @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw IntentException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return deliveries.find(webhook, state, limit);
    }

    @GetMapping("/{id}")
    WebhookDelivery get(@PathVariable long id) {
        return deliveries.get(id);
    }

    /** The exact body sent (and signed). */
    @GetMapping(path = "/{id}/payload", produces = MediaType.APPLICATION_JSON_VALUE)
    String payload(@PathVariable long id) {
        return deliveries.payload(id);
    }

    /** Sends a dead (or delivered) delivery again, with a fresh set of attempts. */
    @PostMapping("/{id}/redeliver")
    WebhookDelivery redeliver(@PathVariable long id) {
        return deliveries.redeliver(id);
    }
}
