package io.ferrum.assurance.drift;

import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.audit.Severity;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.TransactionLocks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drift events' lifecycle, stored in PostgreSQL: the auditor's findings for a device open, refresh, re-open or
 * resolve events (one unresolved event per fingerprint); people acknowledge and accept them; accepted events
 * re-open when their acceptance expires. Every move is written to the transition trail in the same transaction and
 * published as {@link DriftEventChanged}.
 */
@Service
@Transactional
public class DriftEvents {

    static final String AUDITOR = "auditor";
    static final String SYSTEM = "system";
    private static final String COLUMNS = "id, fingerprint, site, device, type, severity, object, expected, observed, "
            + "intent_ref, detail, state, occurrences, first_seen, last_seen, resolved_at, acknowledged_by, "
            + "acknowledged_at, accepted_by, accepted_reason, accepted_until";
    private static final Map<String, DriftType> TYPES = new HashMap<>();

    static {
        for (DriftType type : DriftType.values()) {
            TYPES.put(type.wire(), type);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionLocks locks;
    private final ApplicationEventPublisher events;
    private final DriftProperties properties;

    DriftEvents(JdbcTemplate jdbc, TransactionLocks locks, ApplicationEventPublisher events,
                DriftProperties properties) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Brings one device's events in line with its latest audit: a finding with an unresolved event refreshes it; one
     * whose event resolved within the flap window re-opens it; any other opens a new event. Unresolved events the
     * audit no longer finds resolve.
     */
    public void reconcile(String site, String device, List<Drift> findings, Instant at) {
        locks.lock("drift:" + device);
        Map<String, DriftEvent> unresolved = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + " FROM drift_event WHERE device = ? AND state <> 'resolved'", MAPPER, device)
                .forEach(e -> unresolved.put(e.fingerprint(), e));
        Map<String, Drift> found = new HashMap<>();
        findings.forEach(d -> found.put(d.fingerprint(), d));
        for (Drift drift : found.values()) {
            DriftEvent current = unresolved.get(drift.fingerprint());
            if (current != null) {
                jdbc.update("UPDATE drift_event SET last_seen = ?, expected = ?, observed = ?, detail = ?, "
                                + "intent_ref = ? WHERE id = ?", ts(at), drift.expected(), drift.observed(),
                        drift.detail(), drift.intentRef(), current.id());
                continue;
            }
            List<DriftEvent> recent = jdbc.query("SELECT " + COLUMNS + " FROM drift_event WHERE fingerprint = ? AND "
                            + "state = 'resolved' AND resolved_at >= ? ORDER BY resolved_at DESC LIMIT 1", MAPPER,
                    drift.fingerprint(), ts(at.minus(properties.flapWindow())));
            if (!recent.isEmpty()) {
                long id = recent.get(0).id();
                jdbc.update("UPDATE drift_event SET state = 'reopened', occurrences = occurrences + 1, last_seen = ?, "
                                + "resolved_at = NULL, expected = ?, observed = ?, detail = ? WHERE id = ?", ts(at),
                        drift.expected(), drift.observed(), drift.detail(), id);
                moved(id, at, AUDITOR, DriftState.RESOLVED, DriftState.REOPENED, "the drift came back");
            } else {
                Long id = jdbc.queryForObject("INSERT INTO drift_event (fingerprint, site, device, type, severity, "
                                + "object, expected, observed, intent_ref, detail, state, first_seen, last_seen) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id", Long.class,
                        drift.fingerprint(), site, device, drift.type().wire(), drift.severity().wire(),
                        drift.object(), drift.expected(), drift.observed(), drift.intentRef(), drift.detail(),
                        ts(at), ts(at));
                moved(id, at, AUDITOR, null, DriftState.OPEN, null);
            }
        }
        for (DriftEvent event : unresolved.values()) {
            if (!found.containsKey(event.fingerprint())) {
                jdbc.update("UPDATE drift_event SET state = 'resolved', resolved_at = ? WHERE id = ?", ts(at),
                        event.id());
                moved(event.id(), at, AUDITOR, event.state(), DriftState.RESOLVED, "the drift is gone");
            }
        }
    }

    /** Someone owns the event now; it stays until the drift resolves. */
    public DriftEvent acknowledge(long id, String actor, Instant at) {
        DriftEvent event = locked(id);
        if (!event.state().unowned()) {
            throw IntentException.conflict("state", "drift event " + id + " is " + event.state().wire()
                    + "; only an open or reopened event can be acknowledged");
        }
        jdbc.update("UPDATE drift_event SET state = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? "
                + "WHERE id = ?", actor, ts(at), id);
        return moved(id, at, actor, event.state(), DriftState.ACKNOWLEDGED, null);
    }

    /** The drift is known and tolerated until {@code until}; then the event re-opens by itself. */
    public DriftEvent accept(long id, String actor, String reason, Instant until, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw IntentException.invalid("reason", "is required: say why this drift is acceptable");
        }
        if (until == null || !until.isAfter(at)) {
            throw IntentException.invalid("until", "must be a time in the future, e.g. 2026-12-31T00:00:00Z");
        }
        DriftEvent event = locked(id);
        if (event.state() == DriftState.RESOLVED) {
            throw IntentException.conflict("state", "drift event " + id + " is resolved; there is nothing to accept");
        }
        jdbc.update("UPDATE drift_event SET state = 'accepted', accepted_by = ?, accepted_reason = ?, "
                + "accepted_until = ? WHERE id = ?", actor, reason, ts(until), id);
        return moved(id, at, actor, event.state(), DriftState.ACCEPTED, reason);
    }

    /** Re-opens every accepted event whose acceptance has run out; returns how many. */
    public int expireAcceptances(Instant now) {
        List<DriftEvent> expired = jdbc.query("SELECT " + COLUMNS + " FROM drift_event WHERE state = 'accepted' "
                + "AND accepted_until <= ? FOR UPDATE SKIP LOCKED", MAPPER, ts(now));
        for (DriftEvent event : expired) {
            jdbc.update("UPDATE drift_event SET state = 'reopened' WHERE id = ?", event.id());
            moved(event.id(), now, SYSTEM, DriftState.ACCEPTED, DriftState.REOPENED, "the acceptance expired");
        }
        return expired.size();
    }

    @Transactional(readOnly = true)
    public DriftEvent get(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM drift_event WHERE id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> IntentException.notFound("id", "no drift event with id " + id));
    }

    @Transactional(readOnly = true)
    public List<DriftEvent> find(DriftQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM drift_event WHERE true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "site", query.site());
        filter(sql, args, "device", query.device());
        filter(sql, args, "type", query.type() == null ? null : query.type().wire());
        filter(sql, args, "state", query.state() == null ? null : query.state().wire());
        filter(sql, args, "severity", query.severity() == null ? null : query.severity().wire());
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(query.limit());
        return jdbc.query(sql.toString(), MAPPER, args.toArray());
    }

    @Transactional(readOnly = true)
    public List<DriftTransition> history(long id) {
        return jdbc.query("SELECT event_id, at, actor, from_state, to_state, reason FROM drift_event_transition "
                + "WHERE event_id = ? ORDER BY id", (rs, n) -> new DriftTransition(rs.getLong(1), instant(rs, 2),
                rs.getString(3), rs.getString(4) == null ? null : DriftState.of(rs.getString(4)),
                DriftState.of(rs.getString(5)), rs.getString(6)), id);
    }

    private DriftEvent locked(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM drift_event WHERE id = ? FOR UPDATE", MAPPER, id).stream()
                .findFirst().orElseThrow(() -> IntentException.notFound("id", "no drift event with id " + id));
    }

    private DriftEvent moved(long id, Instant at, String actor, DriftState from, DriftState to, String reason) {
        jdbc.update("INSERT INTO drift_event_transition (event_id, at, actor, from_state, to_state, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, ts(at), actor, from == null ? null : from.wire(), to.wire(), reason);
        DriftEvent event = get(id);
        events.publishEvent(new DriftEventChanged(event, from));
        return event;
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<DriftEvent> MAPPER = (rs, n) -> new DriftEvent(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), TYPES.get(rs.getString(5)), io.ferrum.model.common.WireValue.parse(
            Severity.class, rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
            rs.getString(11), DriftState.of(rs.getString(12)), rs.getInt(13), instant(rs, 14), instant(rs, 15),
            instant(rs, 16), rs.getString(17), instant(rs, 18), rs.getString(19), rs.getString(20), instant(rs, 21));
}
