package io.ferrum.assurance.notify.webhook;

import java.util.List;

/** What a client sends to create or replace a webhook; {@code secret} is write-only. */
public record WebhookDraft(String url, String secret, String minSeverity, List<String> sites, Boolean enabled) {

    @Override
    public String toString() {
        return "WebhookDraft[url=" + url + ", minSeverity=" + minSeverity + ", sites=" + sites + ", enabled="
                + enabled + "]";
    }
}
