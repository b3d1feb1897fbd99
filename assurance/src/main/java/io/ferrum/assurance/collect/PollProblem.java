package io.ferrum.assurance.collect;

import io.ferrum.provisioning.driver.FailureReason;

/** One part of a poll that failed ({@code snmp}, {@code ssh}), with the driver's reason and words. */
public record PollProblem(String part, FailureReason reason, String message) {
}
