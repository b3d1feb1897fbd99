package io.ferrum.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ferrum's own numbers at {@code /actuator/prometheus}, read from PostgreSQL (so every node reports the cluster's
 * state, and a restart loses nothing) every {@code ferrum.metrics.refresh}:
 * <ul>
 *   <li>{@code ferrum_drift_open{site,type,severity}}: drift events not resolved;</li>
 *   <li>{@code ferrum_poll_devices{site}}, {@code ferrum_poll_failing_devices{site,reason}} and
 *       {@code ferrum_poll_duration_max_seconds{site}}: the collector's poll health;</li>
 *   <li>{@code ferrum_pipeline_tasks{kind,state}}: pipeline outcomes per device.</li>
 * </ul>
 * A refresh that cannot reach the database keeps the last values (and logs once per failure streak).
 */
@Component
class FerrumMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(FerrumMetrics.class);

    private final JdbcTemplate jdbc;
    private volatile MultiGauge drift;
    private volatile MultiGauge pollDevices;
    private volatile MultiGauge pollFailing;
    private volatile MultiGauge pollDuration;
    private volatile MultiGauge pipelineTasks;
    private volatile boolean failing;

    FerrumMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        drift = MultiGauge.builder("ferrum.drift.open").description("Drift events not resolved").register(registry);
        pollDevices = MultiGauge.builder("ferrum.poll.devices").description("Devices the collector polls")
                .register(registry);
        pollFailing = MultiGauge.builder("ferrum.poll.failing.devices")
                .description("Devices whose last poll failed, by the failure's reason").register(registry);
        pollDuration = MultiGauge.builder("ferrum.poll.duration.max").baseUnit("seconds")
                .description("Longest last poll of a site's devices").register(registry);
        pipelineTasks = MultiGauge.builder("ferrum.pipeline.tasks")
                .description("Pipeline tasks (one per device and run) by kind and state").register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${ferrum.metrics.refresh:15s}", initialDelayString = "${ferrum.metrics.refresh:15s}")
    void refresh() {
        if (drift == null) {
            return;
        }
        try {
            drift.register(jdbc.query("SELECT site, type, severity, count(*) FROM drift_event WHERE state <> "
                    + "'resolved' GROUP BY 1, 2, 3", (rs, n) -> MultiGauge.Row.of(Tags.of("site", rs.getString(1),
                    "type", rs.getString(2), "severity", rs.getString(3)), rs.getLong(4))), true);
            pollDevices.register(jdbc.query("SELECT site, count(*) FROM poll_health GROUP BY 1", (rs, n) ->
                    MultiGauge.Row.of(Tags.of("site", rs.getString(1)), rs.getLong(2))), true);
            pollFailing.register(jdbc.query("SELECT site, coalesce(last_error_reason, 'UNKNOWN'), count(*) FROM "
                    + "poll_health WHERE consecutive_failures > 0 GROUP BY 1, 2", (rs, n) -> MultiGauge.Row.of(
                    Tags.of("site", rs.getString(1), "reason", rs.getString(2)), rs.getLong(3))), true);
            pollDuration.register(jdbc.query("SELECT site, max(last_duration_ms) FROM poll_health WHERE "
                    + "last_duration_ms IS NOT NULL GROUP BY 1", (rs, n) -> MultiGauge.Row.of(Tags.of("site",
                    rs.getString(1)), rs.getLong(2) / 1000.0)), true);
            pipelineTasks.register(jdbc.query("SELECT r.kind, t.state, count(*) FROM pipeline_task t JOIN "
                    + "pipeline_run r ON r.id = t.run_id GROUP BY 1, 2", (rs, n) -> MultiGauge.Row.of(Tags.of("kind",
                    rs.getString(1), "state", rs.getString(2)), rs.getLong(3))), true);
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("metrics not refreshed (the last values stay): {}", e.getMessage());
            }
            failing = true;
        }
    }
}
