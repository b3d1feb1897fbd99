package io.ferrum.assurance.collect;

import io.ferrum.assurance.audit.AuditIntent;
import io.ferrum.assurance.drift.DriftEvent;
import io.ferrum.assurance.drift.DriftEvents;
import io.ferrum.assurance.drift.DriftQuery;
import io.ferrum.assurance.drift.DriftState;
import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.ObservationSnapshots;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what one poll found, in one transaction: the observed snapshot (changes only), the poll's health, and the
 * device's drift events brought in line with the audit.
 */
@Service
@Transactional
public class PollRecorder {

    private static final int MAX_OPEN_PER_DEVICE = 10_000;

    private final ObservationSnapshots snapshots;
    private final PollHealthStore health;
    private final DriftEvents events;

    PollRecorder(ObservationSnapshots snapshots, PollHealthStore health, DriftEvents events) {
        this.snapshots = snapshots;
        this.health = health;
        this.events = events;
    }

    void polled(PollTarget target, PollOutcome outcome, AuditIntent intent) {
        DeviceObservation seen = outcome.observation();
        snapshots.record(target.site(), seen);
        health.polled(target.site(), target.hostname(), seen.at(), outcome.took(),
                outcome.problems().isEmpty() ? null : outcome.problems().get(outcome.problems().size() - 1));
        if (intent != null) {
            events.reconcile(target.site(), target.hostname(), Findings.afterPoll(intent, outcome,
                    unresolved(target.hostname())), seen.at());
        }
    }

    void reaudited(PollTarget target, DeviceObservation last, AuditIntent intent, Instant at) {
        events.reconcile(target.site(), target.hostname(), Findings.reaudit(intent, last,
                unresolved(target.hostname())), at);
    }

    void overran(PollTarget target) {
        health.overran(target.site(), target.hostname());
    }

    private List<DriftEvent> unresolved(String device) {
        List<DriftEvent> unresolved = new java.util.ArrayList<>();
        for (DriftState state : DriftState.values()) {
            if (state != DriftState.RESOLVED) {
                unresolved.addAll(events.find(new DriftQuery(null, device, null, state, null, MAX_OPEN_PER_DEVICE)));
            }
        }
        return unresolved;
    }
}
