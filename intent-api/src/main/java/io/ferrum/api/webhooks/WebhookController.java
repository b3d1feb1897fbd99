package io.ferrum.api.webhooks;

import io.ferrum.assurance.notify.webhook.Webhook;
import io.ferrum.assurance.notify.webhook.WebhookDraft;
import io.ferrum.assurance.notify.webhook.Webhooks;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks drift events are posted to. The secret is write-only: it goes in with PUT and never comes out again.
 * Operators read them; admins set and delete them.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<Webhook> list() {
        return webhooks.list();
    }

    @GetMapping("/{name}")
    Webhook get(@PathVariable String name) {
        return webhooks.get(name);
    }

    @PutMapping("/{name}")
    Webhook put(@PathVariable String name, @RequestBody(required = false) WebhookDraft draft, Principal principal) {
        return webhooks.put(name, draft, principal.getName());
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name, Principal principal) {
        webhooks.delete(name, principal.getName());
    }
}
