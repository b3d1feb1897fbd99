package io.ferrum.provisioning.pipeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs and tasks in PostgreSQL. Every transition is one short statement (plus its timeline event), so a crash at
 * any moment leaves each task at its last recorded step: what the engine resumes from.
 */
public class PipelineRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private volatile java.util.function.Consumer<RunView> finished = run -> { };
    private final TransactionTemplate transactions;

    public PipelineRuns(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public long create(RunKind kind, RunTarget target, RunOptions options, String actor, List<DeviceTarget> devices,
                       Map<String, Integer> waves) {
        Long id = transactions.execute(tx -> {
            Long run = jdbc.queryForObject("INSERT INTO pipeline_run (kind, target, dry_run, concurrency, canary, "
                            + "failure_budget, channel, state, actor) VALUES (?, ?::jsonb, ?, ?, ?, ?, ?, 'pending', ?) "
                            + "RETURNING id", Long.class, kind.wire(), JSON.writeValueAsString(target),
                    options.dryRun(), options.concurrency(), options.canary(), options.failureBudget(),
                    options.channel(), actor);
            jdbc.batchUpdate("INSERT INTO pipeline_task (run_id, device, address, wave, state) VALUES (?, ?, ?, ?, "
                    + "'pending')", devices.stream().map(d -> new Object[] {run, d.hostname(), d.address(),
                    waves.get(d.hostname())}).toList());
            return run;
        });
        return id;
    }

    public Optional<RunView> find(long id) {
        return jdbc.query("SELECT * FROM pipeline_run WHERE id = ?", this::run, id).stream().findFirst();
    }

    public List<RunView> recent(int limit) {
        return jdbc.query("SELECT * FROM pipeline_run ORDER BY id DESC LIMIT ?", this::run, limit);
    }

    /** Runs not yet in a final state, oldest first. */
    public List<RunView> unfinished() {
        return jdbc.query("SELECT * FROM pipeline_run WHERE state IN ('pending', 'running') ORDER BY id", this::run);
    }

    public List<TaskView> tasks(long runId) {
        return jdbc.query("SELECT t.*, t.diff IS NOT NULL AS has_diff FROM pipeline_task t WHERE run_id = ? "
                + "ORDER BY wave, id", PipelineRuns::task, runId);
    }

    public Optional<TaskView> task(long runId, String device) {
        return jdbc.query("SELECT t.*, t.diff IS NOT NULL AS has_diff FROM pipeline_task t WHERE run_id = ? "
                + "AND device = ?", PipelineRuns::task, runId, device).stream().findFirst();
    }

    /** The device's stored diff; empty when it has none (yet) or the run has no such device. */
    public Optional<String> diff(long runId, String device) {
        // a task without a diff is a row holding NULL: findFirst() would throw on it
        return jdbc.query("SELECT diff FROM pipeline_task WHERE run_id = ? AND device = ? AND diff IS NOT NULL",
                (rs, n) -> rs.getString(1), runId, device).stream().findFirst();
    }

    /** Start (or resume) a run; false when it is already finished. */
    public boolean start(long runId) {
        return jdbc.update("UPDATE pipeline_run SET state = 'running', started_at = coalesce(started_at, now()) "
                + "WHERE id = ? AND state IN ('pending', 'running')", runId) == 1;
    }

    public void finish(long runId, RunState state, String haltReason) {
        int ended = jdbc.update("UPDATE pipeline_run SET state = ?, halt_reason = ?, finished_at = now() WHERE id = ? "
                + "AND state IN ('pending', 'running')", state.wire(), haltReason, runId);
        if (ended == 1) {
            find(runId).ifPresent(run -> finished.accept(run));
        }
    }

    /**
     * Who hears that a run ended (the application publishes it as an event: assurance re-polls, people are told).
     * Called on the thread that ended the run, after the state is stored.
     */
    public void onFinished(java.util.function.Consumer<RunView> listener) {
        this.finished = listener;
    }

    /**
     * The desired-config hash each device last confirmed in a finished, non-dry config run over {@code channel}
     * (what the device holds, as far as pipelines know); devices never pushed are absent.
     */
    public Map<String, String> lastPushedConfig(java.util.Collection<String> devices, String channel) {
        Map<String, String> pushed = new java.util.HashMap<>();
        jdbc.query("SELECT DISTINCT ON (t.device) t.device, t.desired_sha256 FROM pipeline_task t "
                + "JOIN pipeline_run r ON r.id = t.run_id WHERE r.kind = 'config' AND NOT r.dry_run AND r.channel = ? "
                + "AND t.state IN ('done', 'unchanged') AND t.desired_sha256 IS NOT NULL AND t.device = ANY (?) "
                + "ORDER BY t.device, t.finished_at DESC", rs -> {
                    pushed.put(rs.getString(1), rs.getString(2));
                }, channel, devices.toArray(String[]::new));
        return pushed;
    }

    public RunState state(long runId) {
        return RunState.of(jdbc.queryForObject("SELECT state FROM pipeline_run WHERE id = ?", String.class, runId));
    }

    /** Marks a run cancelled and its untouched tasks cancelled; tasks in flight finish their current device. */
    public boolean cancel(long runId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            int changed = jdbc.update("UPDATE pipeline_run SET state = 'cancelled', finished_at = now() WHERE id = ? "
                    + "AND state IN ('pending', 'running')", runId);
            if (changed == 1) {
                closePending(runId, TaskState.CANCELLED, "run cancelled");
            }
            return changed == 1;
        }));
    }

    /** Failed tasks back to pending and the run back to pending; returns how many. */
    public int retryFailed(long runId) {
        Integer reset = transactions.execute(tx -> {
            int n = jdbc.update("UPDATE pipeline_task SET state = 'pending', step = NULL, failure_reason = NULL, "
                    + "failure_detail = NULL, finished_at = NULL, updated_at = now() WHERE run_id = ? "
                    + "AND state = 'failed'", runId);
            if (n > 0) {
                jdbc.update("UPDATE pipeline_run SET state = 'pending', halt_reason = NULL, finished_at = NULL "
                        + "WHERE id = ?", runId);
            }
            return n;
        });
        return reset == null ? 0 : reset;
    }

    public void step(long taskId, Step step) {
        transition(taskId, "state = 'running', step = ?, started_at = coalesce(started_at, now())",
                new Object[] {step.wire()}, new Event(step, TaskState.RUNNING, null));
    }

    /** Counts an attempt and returns the task as stored now: a retry resumes from the step the last one reached. */
    public TaskView attempt(long taskId) {
        return jdbc.queryForObject("UPDATE pipeline_task AS t SET attempts = attempts + 1, updated_at = now() "
                + "WHERE id = ? RETURNING t.*, t.diff IS NOT NULL AS has_diff", PipelineRuns::task, taskId);
    }

    /** The step's effect is confirmed on the device: a resumed task never repeats it. */
    public void confirmed(long taskId, Step step, String desiredSha256, String runningSha256) {
        transition(taskId, "confirmed_step = ?, desired_sha256 = coalesce(?, desired_sha256), "
                        + "running_sha256 = coalesce(?, running_sha256)",
                new Object[] {step.wire(), desiredSha256, runningSha256}, new Event(step, TaskState.RUNNING, "confirmed"));
    }

    /** Back to pending with its confirmed steps kept: staged, waiting for its wave (a halt then skips it). */
    public void park(long taskId, String detail) {
        transition(taskId, "state = 'pending'", new Object[0], new Event(null, TaskState.PENDING, detail));
    }

    public void recordDiff(long taskId, String diff) {
        jdbc.update("UPDATE pipeline_task SET diff = ? WHERE id = ?", diff, taskId);
    }

    /**
     * Confirms {@code done}, whose effect is now on the device so a resumed task never repeats it (with the hashes
     * and diff it found, where not null), and starts {@code next}, in one statement: nothing happens on the device
     * between the two, and a step then costs one round trip, not four.
     */
    public void advance(long taskId, Step done, String desiredSha256, String runningSha256, String diff, Step next) {
        transition(taskId, "confirmed_step = ?, desired_sha256 = coalesce(?, desired_sha256), "
                        + "running_sha256 = coalesce(?, running_sha256), diff = coalesce(?, diff), state = 'running', "
                        + "step = ?, started_at = coalesce(started_at, now())",
                new Object[] {done.wire(), desiredSha256, runningSha256, diff, next.wire()},
                new Event(done, TaskState.RUNNING, "confirmed"), new Event(next, TaskState.RUNNING, null));
    }

    public void finishTask(long taskId, TaskState state, String reason, String detail) {
        transition(taskId, "state = ?, failure_reason = ?, failure_detail = ?, finished_at = now()",
                new Object[] {state.wire(), reason, detail}, new Event(null, state, reason == null ? detail
                        : reason + ": " + detail));
    }

    /** Confirms {@code done} (as {@link #advance}) and ends the task, in one statement. */
    public void finishTask(long taskId, Step done, String desiredSha256, String runningSha256, String diff,
                           TaskState state, String reason, String detail) {
        transition(taskId, "confirmed_step = ?, desired_sha256 = coalesce(?, desired_sha256), "
                        + "running_sha256 = coalesce(?, running_sha256), diff = coalesce(?, diff), state = ?, "
                        + "failure_reason = ?, failure_detail = ?, finished_at = now()",
                new Object[] {done.wire(), desiredSha256, runningSha256, diff, state.wire(), reason, detail},
                new Event(done, TaskState.RUNNING, "confirmed"),
                new Event(null, state, reason == null ? detail : reason + ": " + detail));
    }

    /** Tasks per state ({@code pending}, {@code done}, ...; every state present), in one aggregate query. */
    public Map<String, Integer> counts(long runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskState state : TaskState.values()) {
            counts.put(state.wire(), 0);
        }
        jdbc.query("SELECT state, count(*) FROM pipeline_task WHERE run_id = ? GROUP BY state",
                (ResultSet r) -> {
                    counts.put(r.getString(1), r.getInt(2));
                }, runId);
        return counts;
    }

    /** Every task not yet started ends {@code to} (skipped after a halt, cancelled after a cancel). */
    public int closePending(long runId, TaskState to, String detail) {
        // one statement however many tasks: a halt early in a 1,000-device run closes nearly all of them
        Integer closed = jdbc.queryForObject("WITH t AS (UPDATE pipeline_task SET state = ?, failure_detail = ?, "
                + "finished_at = now(), updated_at = now() WHERE run_id = ? AND state = 'pending' RETURNING id), "
                + "e AS (INSERT INTO pipeline_task_event (task_id, state, detail) SELECT id, ?, ? FROM t ORDER BY id "
                + "RETURNING 1) SELECT count(*)::int FROM e", Integer.class, to.wire(), detail, runId, to.wire(), detail);
        return closed == null ? 0 : closed;
    }

    /** Timeline of one task, oldest first: {@code [at, step, state, detail]}. */
    public List<Map<String, Object>> timeline(long taskId) {
        return jdbc.queryForList("SELECT at, step, state, detail FROM pipeline_task_event WHERE task_id = ? ORDER BY id",
                taskId);
    }

    private record Event(Step step, TaskState state, String detail) {
    }

    /**
     * Updates a task and appends its timeline events in one statement (a data-modifying CTE): one round trip per
     * transition however many events it records, in the order given.
     */
    private void transition(long taskId, String set, Object[] setArgs, Event... events) {
        List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList(setArgs));
        args.add(taskId);
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < events.length; i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ?::text, ?::text, ?::text)");
            args.add(events[i].step() == null ? null : events[i].step().wire());
            args.add(events[i].state().wire());
            args.add(events[i].detail());
        }
        jdbc.update("WITH t AS (UPDATE pipeline_task SET " + set + ", updated_at = now() WHERE id = ? RETURNING id) "
                + "INSERT INTO pipeline_task_event (task_id, step, state, detail) SELECT t.id, e.step, e.state, "
                + "e.detail FROM t CROSS JOIN (VALUES " + values + ") AS e(ord, step, state, detail) ORDER BY e.ord",
                args.toArray());
    }

    private RunView run(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Integer> counts = counts(id);
        return new RunView(id, RunKind.of(rs.getString("kind")),
                JSON.readValue(rs.getString("target"), RunTarget.class),
                new RunOptions(rs.getBoolean("dry_run"), rs.getInt("concurrency"), rs.getInt("canary"),
                        rs.getDouble("failure_budget"), rs.getString("channel")),
                RunState.of(rs.getString("state")), rs.getString("halt_reason"), rs.getString("actor"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), counts);
    }

    private static TaskView task(ResultSet rs, int row) throws SQLException {
        return new TaskView(rs.getLong("id"), rs.getLong("run_id"), rs.getString("device"), rs.getString("address"),
                rs.getInt("wave"), TaskState.of(rs.getString("state")), Step.of(rs.getString("step")),
                Step.of(rs.getString("confirmed_step")), rs.getInt("attempts"), rs.getString("desired_sha256"),
                rs.getString("running_sha256"), rs.getString("failure_reason"), rs.getString("failure_detail"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getBoolean("has_diff"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
