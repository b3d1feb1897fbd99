package io.ferrum.api.plans;

import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanOptions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Plans made through the API, kept in PostgreSQL so that apply can take a plan id after a restart and on any node:
 * it re-plans the stored definition and applies only if the result is still the reviewed plan. A plan expires
 * after {@code ferrum.plans.expiry} (default 24 h), as a reviewed plan goes stale; the same plan made again is
 * stored again.
 */
@Component
class PlanStore {

    /** What was planned and how, so the same plan can be made again at apply time. */
    record StoredPlan(Plan plan, String fileName, String definition, PlanOptions options, String createdBy,
                      Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration expiry;

    PlanStore(JdbcTemplate jdbc, ObjectMapper json, @Value("${ferrum.plans.expiry:24h}") Duration expiry) {
        this.jdbc = jdbc;
        this.json = json;
        this.expiry = expiry;
    }

    void put(StoredPlan stored) {
        Instant expires = stored.createdAt().plus(expiry);
        jdbc.update("INSERT INTO stored_plan (id, site, file_name, definition, allow_destroy_active, plan_json, "
                        + "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                        + "UPDATE SET created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, "
                        + "expires_at = EXCLUDED.expires_at", stored.plan().id(), stored.plan().site(),
                stored.fileName(), stored.definition(), stored.options().allowDestroyActive(),
                json.writeValueAsString(stored.plan()), stored.createdBy(), Timestamp.from(stored.createdAt()),
                Timestamp.from(expires));
        jdbc.update("DELETE FROM stored_plan WHERE expires_at < ?", Timestamp.from(Instant.now()));
    }

    /** The plan, unless it is unknown or expired. */
    Optional<StoredPlan> get(String id) {
        return jdbc.query("SELECT plan_json, file_name, definition, allow_destroy_active, created_by, created_at "
                        + "FROM stored_plan WHERE id = ? AND expires_at > ?", (rs, n) -> new StoredPlan(
                        json.readValue(rs.getString(1), Plan.class), rs.getString(2), rs.getString(3),
                        new PlanOptions(rs.getBoolean(4)), rs.getString(5), rs.getTimestamp(6).toInstant()),
                id, Timestamp.from(Instant.now())).stream().findFirst();
    }
}
