package io.ferrum.assurance.drift;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-opens accepted drift events whose acceptance ran out, within a second of the expiry. */
@Component
class AcceptanceExpiry {

    private final DriftEvents events;

    AcceptanceExpiry(DriftEvents events) {
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${ferrum.assurance.drift.expiry-check:1s}")
    void reopenExpired() {
        events.expireAcceptances(Instant.now());
    }
}
