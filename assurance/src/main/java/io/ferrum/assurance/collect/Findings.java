package io.ferrum.assurance.collect;

import io.ferrum.assurance.audit.AuditIntent;
import io.ferrum.assurance.audit.Auditor;
import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.drift.DriftEvent;
import io.ferrum.assurance.observe.DeviceObservation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a device's drift events should show after a poll or a re-audit: the auditor's findings, one
 * {@code unreachable} drift per failed part of a poll that got some answer ({@code snmp}, {@code ssh}), and the
 * open drift about what this poll could not see, carried forward: a device that stops answering SNMP has not been
 * re-cabled, so its open cabling drift stays open instead of resolving.
 */
final class Findings {

    /** Drift only SNMP shows (name, serial, interfaces, addresses, LLDP). */
    private static final Set<DriftType> FROM_SNMP = EnumSet.of(DriftType.HOSTNAME, DriftType.SERIAL,
            DriftType.CABLING_MISSING, DriftType.CABLING_UNEXPECTED, DriftType.CABLING_MISWIRED,
            DriftType.PORT_STATE, DriftType.KILLED_LINK_UP, DriftType.IP);

    private Findings() {
    }

    /** After a poll: audit what it saw; keep open what it could not see. */
    static List<Drift> afterPoll(AuditIntent intent, PollOutcome outcome, List<DriftEvent> unresolved) {
        DeviceObservation seen = outcome.observation();
        List<Drift> findings = new ArrayList<>(Auditor.audit(intent, seen));
        if (seen.reachable()) {
            for (PollProblem problem : outcome.problems()) {
                findings.add(new Drift(DriftType.UNREACHABLE, seen.hostname(), problem.part(), "reachable",
                        problem.reason().name().toLowerCase(Locale.ROOT), "device " + seen.hostname(),
                        "the " + problem.part() + " part of the poll failed: " + problem.message()));
            }
        }
        carryForward(findings, unseen(seen, false), unresolved);
        return findings;
    }

    /** After an intent change, without polling: audit the last observation; reachability is as last polled. */
    static List<Drift> reaudit(AuditIntent intent, DeviceObservation last, List<DriftEvent> unresolved) {
        List<Drift> findings = new ArrayList<>(Auditor.audit(intent, last));
        carryForward(findings, unseen(last, true), unresolved);
        return findings;
    }

    /** The drift types the observation cannot confirm or clear. */
    private static Set<DriftType> unseen(DeviceObservation seen, boolean keepReachability) {
        Set<DriftType> unseen = EnumSet.noneOf(DriftType.class);
        if (!seen.reachable()) {
            unseen.addAll(EnumSet.allOf(DriftType.class));
            unseen.remove(DriftType.UNREACHABLE);
            return unseen;
        }
        if (keepReachability) {
            unseen.add(DriftType.UNREACHABLE);
        }
        if (seen.interfaces() == null && seen.neighbours() == null) {
            unseen.addAll(FROM_SNMP);
        }
        if (seen.runningConfig() == null) {
            unseen.add(DriftType.CONFIG);
        }
        if (seen.firmwareVersion() == null) {
            unseen.add(DriftType.FIRMWARE);
        }
        return unseen;
    }

    private static void carryForward(List<Drift> findings, Set<DriftType> unseen, List<DriftEvent> unresolved) {
        Set<String> found = new HashSet<>();
        findings.forEach(d -> found.add(d.fingerprint()));
        for (DriftEvent event : unresolved) {
            if (unseen.contains(event.type()) && !found.contains(event.fingerprint())) {
                findings.add(new Drift(event.type(), event.device(), event.object(), event.expected(),
                        event.observed(), event.intentRef(), event.detail()));
            }
        }
    }
}
