package io.ferrum.provisioning.pipeline;

import java.time.Instant;
import java.util.Map;

/** A run as stored, with its task counts by state (progress). */
public record RunView(long id, RunKind kind, RunTarget target, RunOptions options, RunState state, String haltReason,
                      String actor, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Map<String, Integer> counts) {
}
