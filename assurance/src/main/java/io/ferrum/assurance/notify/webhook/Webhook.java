package io.ferrum.assurance.notify.webhook;

import io.ferrum.assurance.audit.Severity;
import java.time.Instant;
import java.util.List;

/**
 * Where drift events are posted, as people may see it: never the secret.
 *
 * @param minSeverity the least severe drift delivered
 * @param sites       only drift of these sites; empty: every site
 */
public record Webhook(String name, String url, Severity minSeverity, List<String> sites, boolean enabled,
                      String createdBy, Instant createdAt) {

    /** Whether a drift event of this site and severity goes to this webhook. */
    boolean wants(String site, Severity severity) {
        return enabled && severity.ordinal() >= minSeverity.ordinal() && (sites.isEmpty() || sites.contains(site));
    }
}
