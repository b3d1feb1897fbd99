package io.ferrum.assurance.drift;

import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.audit.Severity;
import java.time.Instant;

/**
 * A drift as ops handle it: what differs, since when, how often it came back ({@code occurrences}), and who
 * acknowledged or accepted it.
 */
public record DriftEvent(long id, String fingerprint, String site, String device, DriftType type, Severity severity,
                         String object, String expected, String observed, String intentRef, String detail,
                         DriftState state, int occurrences, Instant firstSeen, Instant lastSeen, Instant resolvedAt,
                         String acknowledgedBy, Instant acknowledgedAt, String acceptedBy, String acceptedReason,
                         Instant acceptedUntil) {
}
