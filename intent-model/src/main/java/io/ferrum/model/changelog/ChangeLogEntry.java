package io.ferrum.model.changelog;

import java.time.Instant;

/** One recorded mutation; {@code before} and {@code after} are JSON documents (null on create and delete). */
public record ChangeLogEntry(long id, Instant at, String actor, String requestId, String action, String objectType,
                             long objectId, String before, String after) {
}
