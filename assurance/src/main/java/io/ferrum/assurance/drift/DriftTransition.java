package io.ferrum.assurance.drift;

import java.time.Instant;

/** One move of a drift event, with who made it (a user, or {@code auditor}/{@code system}) and why. */
public record DriftTransition(long eventId, Instant at, String actor, DriftState from, DriftState to, String reason) {
}
