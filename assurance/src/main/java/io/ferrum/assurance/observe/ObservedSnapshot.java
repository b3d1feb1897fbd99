package io.ferrum.assurance.observe;

import java.time.Instant;

/**
 * One stored picture of a device: {@code firstSeen} is the poll that first saw it, {@code lastSeen} the latest poll
 * that saw exactly the same (the picture held at least that long).
 */
public record ObservedSnapshot(long id, String site, String device, DeviceObservation observation, Instant firstSeen,
                               Instant lastSeen) {
}
