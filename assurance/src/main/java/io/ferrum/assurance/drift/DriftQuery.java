package io.ferrum.assurance.drift;

import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.audit.Severity;

/** Filters for listing drift events; null means any. {@code limit} bounds the answer, newest first. */
public record DriftQuery(String site, String device, DriftType type, DriftState state, Severity severity, int limit) {
}
