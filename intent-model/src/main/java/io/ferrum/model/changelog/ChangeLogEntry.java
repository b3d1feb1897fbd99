package io.ferrum.model.changelog;

import java.time.Instant;

/**
 * One recorded mutation; {@code before} and {@code after} are JSON documents (null on create and delete).
 * {@code requestId} is the client's id for the request, {@code serverRequestId} the server's own (null on rows
 * written before it was recorded).
 */
public record ChangeLogEntry(long id, Instant at, String actor, String requestId, String serverRequestId,
                             String action, String objectType, long objectId, String before, String after) {
}
