package io.ferrum.provisioning.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.CronExpression;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cron-style schedules of pipeline runs, stored in PostgreSQL; {@link PipelineScheduler} fires them through Quartz's
 * clustered job store, so each firing starts one run on one node.
 */
public class PipelineSchedules {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String COLUMNS = "id, name, cron, time_zone, kind, target, options, created_by, created_at, "
            + "last_fired_at, last_run_id, last_error";

    /** A schedule as stored; {@code lastRunId}/{@code lastError} tell what its latest firing did. */
    public record Schedule(long id, String name, String cron, String timeZone, RunKind kind, RunTarget target,
                           RunOptions options, String createdBy, Instant createdAt, Instant lastFiredAt,
                           Long lastRunId, String lastError) {
    }

    private final JdbcTemplate jdbc;

    public PipelineSchedules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks and stores a schedule; the caller then hands it to the scheduler. */
    public Schedule create(String name, String cron, String timeZone, RunKind kind, RunTarget target,
                           RunOptions options, String actor) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PipelineException("name", "expected lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        String zone = timeZone == null ? "UTC" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new PipelineException("timeZone", "'" + zone + "' is not a time zone; expected e.g. UTC or "
                    + "Europe/Amsterdam");
        }
        checkCron(cron);
        try {
            Long id = jdbc.queryForObject("INSERT INTO pipeline_schedule (name, cron, time_zone, kind, target, options, "
                    + "created_by) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id", Long.class, name, cron, zone,
                    kind.wire(), JSON.writeValueAsString(target), JSON.writeValueAsString(options), actor);
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new PipelineException("name", "a schedule named " + name + " exists already");
        }
    }

    /** Quartz's cron syntax (seconds first), e.g. {@code 0 30 2 * * ?} for 02:30 every night. */
    static void checkCron(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new PipelineException("cron", "required, in Quartz syntax with seconds first, e.g. '0 30 2 * * ?' "
                    + "for 02:30 every night");
        }
        try {
            new CronExpression(cron);
        } catch (java.text.ParseException e) {
            throw new PipelineException("cron", "'" + (cron.length() > 80 ? cron.substring(0, 80) + "…" : cron)
                    + "' is not a cron expression: " + e.getMessage() + " (Quartz syntax, seconds first, e.g. "
                    + "'0 30 2 * * ?')");
        }
    }

    public List<Schedule> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM pipeline_schedule ORDER BY name", PipelineSchedules::schedule);
    }

    public Optional<Schedule> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pipeline_schedule WHERE id = ?", PipelineSchedules::schedule, id)
                .stream().findFirst();
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM pipeline_schedule WHERE id = ?", id) > 0;
    }

    /** Records a firing: the run it started, or why it could not start one. */
    public void fired(long id, Long runId, String error) {
        jdbc.update("UPDATE pipeline_schedule SET last_fired_at = now(), last_run_id = coalesce(?, last_run_id), "
                + "last_error = ? WHERE id = ?", runId, error, id);
    }

    private static Schedule schedule(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp fired = rs.getTimestamp("last_fired_at");
        long lastRun = rs.getLong("last_run_id");
        Long lastRunId = rs.wasNull() ? null : lastRun; // wasNull speaks of the column read last: ask at once
        return new Schedule(rs.getLong("id"), rs.getString("name"), rs.getString("cron"), rs.getString("time_zone"),
                RunKind.of(rs.getString("kind")), JSON.readValue(rs.getString("target"), RunTarget.class),
                JSON.readValue(rs.getString("options"), RunOptions.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), fired == null ? null : fired.toInstant(),
                lastRunId, rs.getString("last_error"));
    }
}
