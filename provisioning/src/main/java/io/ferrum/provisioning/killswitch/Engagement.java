package io.ferrum.provisioning.killswitch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The kill switch as it stands: what is engaged, by whom and why, and every link's state.
 *
 * @param state            {@code released} (nothing engaged), {@code engaging}, {@code engaged}, {@code releasing}
 * @param firstDownMillis  from the latest engage's start to its first link read down
 * @param allDownMillis    from the latest engage's start to its last link read down (null until all are)
 * @param links            every link the kill switch holds or last held, by {@code device:port}
 * @param venueCalls       the venue-side kill calls of the latest engage
 */
public record Engagement(String id, String state, List<String> scopes, String reason, String actor,
                         Instant startedAt, Instant finishedAt, Long firstDownMillis, Long allDownMillis,
                         Map<String, Integer> counts, List<LinkResult> links, boolean breakGlass,
                         List<VenueCall> venueCalls) {
}
