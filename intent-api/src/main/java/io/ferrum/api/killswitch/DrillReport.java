package io.ferrum.api.killswitch;

import io.ferrum.provisioning.killswitch.Engagement;
import io.ferrum.provisioning.killswitch.LinkResult;
import io.ferrum.provisioning.killswitch.LinkState;
import io.ferrum.provisioning.killswitch.VenueCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a kill-switch drill shows, for the annual self-assessment (RTS 6 art. 9): who ran it, when, on which scope,
 * and per link how long it took to read down and to come back up, with every failure and its reason.
 *
 * @param allDownMillis from engage to the last link verified down (null if some never was)
 * @param releaseMillis from the release's start to the last link verified up
 */
public record DrillReport(String id, String scope, String actor, String reason, Instant startedAt,
                          Instant finishedAt, int links, int downVerified, int upVerified, int failures,
                          Long firstDownMillis, Long allDownMillis, long releaseMillis, List<Link> perLink,
                          List<VenueCall> venueCalls, boolean passed) {

    /** One link: its engage and its release. */
    public record Link(String circuitId, String exchange, String device, String port, String down, String channel,
                       long downMillis, String up, long upMillis, String reason) {
    }

    static DrillReport of(String id, String scope, String actor, String reason, Instant started, Engagement engaged,
                          Engagement released, long releaseMillis) {
        Map<String, LinkResult> upBy = new HashMap<>();
        released.links().forEach(l -> upBy.put(l.device() + ":" + l.port(), l));
        List<Link> perLink = new ArrayList<>();
        int failures = 0;
        for (LinkResult down : engaged.links()) {
            LinkResult up = upBy.get(down.device() + ":" + down.port());
            String why = down.reason() != null ? down.reason() : up != null ? up.reason() : null;
            boolean ok = down.state() == LinkState.DOWN_VERIFIED && up != null && up.state() == LinkState.UP_VERIFIED;
            if (!ok) {
                failures++;
            }
            perLink.add(new Link(down.circuitId(), down.exchange(), down.device(), down.port(), down.state().wire(),
                    down.channel(), down.millis(), up == null ? "not released" : up.state().wire(),
                    up == null ? 0 : up.millis(), why));
        }
        int downVerified = (int) engaged.links().stream().filter(l -> l.state() == LinkState.DOWN_VERIFIED).count();
        int upVerified = (int) released.links().stream().filter(l -> l.state() == LinkState.UP_VERIFIED).count();
        boolean venuesOk = engaged.venueCalls().stream().allMatch(VenueCall::ok);
        return new DrillReport(id, scope, actor, reason, started, released.finishedAt(), perLink.size(), downVerified,
                upVerified, failures, engaged.firstDownMillis(), engaged.allDownMillis(), releaseMillis, perLink,
                engaged.venueCalls(), failures == 0 && venuesOk && !perLink.isEmpty());
    }
}
