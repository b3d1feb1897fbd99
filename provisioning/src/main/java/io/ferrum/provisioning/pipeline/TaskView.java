package io.ferrum.provisioning.pipeline;

import java.time.Instant;

/** One device's task as stored: where it is, what it found, and why it failed. */
public record TaskView(long id, long runId, String device, String address, int wave, TaskState state, Step step,
                       Step confirmedStep, int attempts, String desiredSha256, String runningSha256,
                       String failureReason, String failureDetail, Instant startedAt, Instant finishedAt,
                       boolean hasDiff) {
}
