package io.ferrum.api.killswitch;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.killswitch.Engagement;
import io.ferrum.provisioning.killswitch.KillPlans;
import io.ferrum.provisioning.killswitch.KillScope;
import io.ferrum.provisioning.killswitch.KillSwitch;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The kill switch as people use it: engage by one operator with a reason; release requested by one operator and
 * approved by a different operator or an admin. Engage touches no database (it runs from the kill plan and the
 * device sessions); release requests live in PostgreSQL, since a release is no emergency.
 */
class KillSwitchService {

    /** A scope as the API takes it: {@code {"kind": "exchange", "value": "XAMS"}}, or {@code {"kind": "all"}}. */
    record ScopeRequest(String kind, String value) {
    }

    record EngageRequest(ScopeRequest scope, String reason) {
    }

    record ReleaseRequest(long id, String engagement, String requestedBy, String reason, Instant requestedAt,
                          String approvedBy, Instant approvedAt, String state) {
    }

    private final KillSwitch killSwitch;
    private final KillPlans plans;
    private final JdbcTemplate jdbc;
    private final KillSwitchProperties properties;
    private final tools.jackson.databind.ObjectMapper json;

    KillSwitchService(KillSwitch killSwitch, KillPlans plans, JdbcTemplate jdbc, KillSwitchProperties properties,
                      tools.jackson.databind.ObjectMapper json) {
        this.killSwitch = killSwitch;
        this.plans = plans;
        this.jdbc = jdbc;
        this.properties = properties;
        this.json = json;
    }

    /**
     * A drill on a designated scope: engage, then release at once (no second operator: the scope was designated for
     * drills beforehand), and the report of both, stored for the self-assessment.
     */
    DrillReport drill(EngageRequest request, String actor) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw IntentException.invalid("reason", "is required: say why the drill is run (e.g. annual test)");
        }
        KillScope scope = scope(request.scope());
        if (!properties.drillScopes().contains(scope.text())) {
            throw IntentException.invalid("scope", scope.text() + " is not a designated drill scope "
                    + "(ferrum.kill-switch.drill-scopes: " + properties.drillScopes() + ")");
        }
        if (!"released".equals(killSwitch.status().state())) {
            throw IntentException.conflict("state", "the kill switch is " + killSwitch.status().state()
                    + ": a drill runs only while nothing is engaged");
        }
        if (plans.current().map(p -> p.in(scope).isEmpty()).orElse(true)) {
            throw IntentException.invalid("scope", scope.text() + " matches no exchange-facing link in this node's "
                    + "kill plan");
        }
        String id = java.util.UUID.randomUUID().toString();
        Instant started = Instant.now();
        Engagement engaged = killSwitch.engage(scope, "drill " + id + ": " + request.reason().strip(), actor, false);
        long releaseStart = System.nanoTime();
        Engagement released = killSwitch.release(actor, "drill " + id);
        DrillReport report = DrillReport.of(id, scope.text(), actor, request.reason().strip(), started, engaged,
                released, (System.nanoTime() - releaseStart) / 1_000_000);
        jdbc.update("INSERT INTO kill_switch_drill (id, scope, actor, reason, started_at, finished_at, report) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)", java.util.UUID.fromString(id), report.scope(), actor,
                report.reason(), java.sql.Timestamp.from(started), java.sql.Timestamp.from(report.finishedAt()),
                json.writeValueAsString(report));
        return report;
    }

    DrillReport drillReport(String id) {
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw IntentException.notFound("id", "no drill " + id);
        }
        return jdbc.queryForList("SELECT report::text FROM kill_switch_drill WHERE id = ?", String.class, uuid)
                .stream().findFirst().map(text -> json.readValue(text, DrillReport.class))
                .orElseThrow(() -> IntentException.notFound("id", "no drill " + id));
    }

    Engagement engage(EngageRequest request, String actor) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw IntentException.invalid("reason", "is required: say why the kill switch is engaged");
        }
        KillScope scope = scope(request.scope());
        if (plans.current().map(p -> p.in(scope).isEmpty()).orElse(true)) {
            throw IntentException.invalid("scope", scope.text() + " matches no exchange-facing link in this node's "
                    + "kill plan");
        }
        return killSwitch.engage(scope, request.reason().strip(), actor, false);
    }

    static KillScope scope(ScopeRequest request) {
        if (request == null || request.kind() == null) {
            throw IntentException.invalid("scope.kind", "is required: expected exchange, group, site or all");
        }
        KillScope.Kind kind;
        try {
            kind = KillScope.Kind.valueOf(request.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid("scope.kind", "'" + request.kind() + "' is not one of exchange, group, "
                    + "site, all");
        }
        if (kind != KillScope.Kind.ALL && (request.value() == null || request.value().isBlank())) {
            throw IntentException.invalid("scope.value", "is required for a " + kind.wire() + " scope");
        }
        return new KillScope(kind, request.value());
    }

    Engagement status() {
        return killSwitch.status();
    }

    ReleaseRequest requestRelease(String reason, String actor) {
        Engagement current = killSwitch.status();
        if (!"engaged".equals(current.state())) {
            throw IntentException.conflict("state", "the kill switch is " + current.state()
                    + ": there is nothing to release");
        }
        if (reason == null || reason.isBlank()) {
            throw IntentException.invalid("reason", "is required: say why the links may carry traffic again");
        }
        Long id = jdbc.queryForObject("INSERT INTO kill_switch_release_request (engagement, requested_by, reason) "
                + "VALUES (?, ?, ?) RETURNING id", Long.class, current.id(), actor, reason.strip());
        return request(id);
    }

    List<ReleaseRequest> requests() {
        return jdbc.query("SELECT * FROM kill_switch_release_request ORDER BY id DESC LIMIT 50", this::row);
    }

    /** Approves a pending request by someone other than its requester, then releases in stages. */
    Engagement approve(long id, String approver) {
        ReleaseRequest request = request(id);
        if (!request.state().equals("pending")) {
            throw IntentException.conflict("id", "release request " + id + " is " + request.state());
        }
        if (request.requestedBy().equals(approver)) {
            throw IntentException.conflict("approvedBy", "four eyes: " + approver + " requested this release and "
                    + "cannot approve it; another operator or an admin must");
        }
        if (jdbc.update("UPDATE kill_switch_release_request SET state = 'approved', approved_by = ?, "
                + "approved_at = now() WHERE id = ? AND state = 'pending'", approver, id) == 0) {
            throw IntentException.conflict("id", "release request " + id + " was approved meanwhile");
        }
        Engagement released = killSwitch.release(request.requestedBy(), approver);
        jdbc.update("UPDATE kill_switch_release_request SET state = 'released' WHERE id = ?", id);
        return released;
    }

    private ReleaseRequest request(long id) {
        return jdbc.query("SELECT * FROM kill_switch_release_request WHERE id = ?", this::row, id).stream()
                .findFirst().orElseThrow(() -> IntentException.notFound("id", "no release request " + id));
    }

    private ReleaseRequest row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp approved = rs.getTimestamp("approved_at");
        return new ReleaseRequest(rs.getLong("id"), rs.getString("engagement"), rs.getString("requested_by"),
                rs.getString("reason"), rs.getTimestamp("requested_at").toInstant(), rs.getString("approved_by"),
                approved == null ? null : approved.toInstant(), rs.getString("state"));
    }
}
