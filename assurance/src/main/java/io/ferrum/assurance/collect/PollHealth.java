package io.ferrum.assurance.collect;

import java.time.Instant;

/**
 * How polling one device goes. A poll succeeds when every part of it answered; {@code lastErrorReason} is the
 * driver's {@code FailureReason} of the latest failed part, {@code lastErrorMessage} names the part ({@code snmp},
 * {@code ssh}). {@code overruns} counts turns missed because the previous poll was still running.
 */
public record PollHealth(String device, String site, Instant lastPollAt, Long lastDurationMs, Instant lastSuccessAt,
                         Instant lastErrorAt, String lastErrorReason, String lastErrorMessage,
                         int consecutiveFailures, long polls, long overruns) {
}
