package io.ferrum.provisioning.killswitch;

import java.time.Instant;
import java.util.List;

/**
 * Every exchange-facing link with how to reach it, computed from intent ahead of time so that engage reads nothing
 * but this and the device sessions: no database on the emergency path.
 *
 * @param revision the intent revision (change-log position) it was computed from
 */
public record KillPlan(long revision, Instant computedAt, List<KillLink> links) {

    public KillPlan {
        links = List.copyOf(links);
    }

    public List<KillLink> in(KillScope scope) {
        return links.stream().filter(scope::covers).toList();
    }
}
