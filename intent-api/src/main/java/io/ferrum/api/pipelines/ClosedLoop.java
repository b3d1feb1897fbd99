package io.ferrum.api.pipelines;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.pipeline.DeviceTarget;
import io.ferrum.provisioning.pipeline.PipelineEngine;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.RunKind;
import io.ferrum.provisioning.pipeline.RunOptions;
import io.ferrum.provisioning.pipeline.RunTarget;
import io.ferrum.provisioning.pipeline.RunView;
import io.ferrum.provisioning.pipeline.TargetResolver;
import io.ferrum.standards.plan.PlanApplied;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The closed loop, opt-in per site: once a plan for the site is applied (after commit), every network device whose
 * rendered config now differs from the one it last confirmed in a config run gets a config run, started with the
 * plan named as its actor. Devices whose config the plan did not change are not touched, not even logged in to.
 */
@Service
public class ClosedLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ClosedLoop.class);

    /** A site in the loop: how its runs reach devices. */
    public record Policy(String site, String channel, int concurrency, String enabledBy, Instant enabledAt) {
    }

    private final JdbcTemplate jdbc;
    private final TargetResolver targets;
    private final PipelineEngine engine;
    private final PipelineRuns runs;
    private final PipelineRunService service;
    /** Rendering a site's configs takes a moment: never on the thread that answers the apply. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "closed-loop");
        t.setDaemon(true);
        return t;
    });

    ClosedLoop(JdbcTemplate jdbc, TargetResolver targets, PipelineEngine engine, PipelineRuns runs,
               PipelineRunService service) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.engine = engine;
        this.runs = runs;
        this.service = service;
    }

    public Policy enable(String site, String channel, Integer concurrency, String actor) {
        if (jdbc.queryForObject("SELECT count(*) FROM site WHERE code = ?", Integer.class, site) == 0) {
            throw IntentException.notFound("site", "no site " + site);
        }
        RunOptions options = new RunOptions(false, concurrency == null ? RunOptions.DEFAULTS.concurrency() : concurrency,
                RunOptions.DEFAULTS.canary(), RunOptions.DEFAULTS.failureBudget(), channel);
        jdbc.update("INSERT INTO pipeline_closed_loop (site, channel, concurrency, enabled_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (site) DO UPDATE SET channel = excluded.channel, concurrency = excluded.concurrency, "
                + "enabled_by = excluded.enabled_by, enabled_at = now()", site, options.channel(),
                options.concurrency(), actor);
        LOG.info("closed loop enabled for site {} by {}", site, actor);
        return find(site).orElseThrow();
    }

    public boolean disable(String site, String actor) {
        boolean removed = jdbc.update("DELETE FROM pipeline_closed_loop WHERE site = ?", site) > 0;
        if (removed) {
            LOG.info("closed loop disabled for site {} by {}", site, actor);
        }
        return removed;
    }

    public Optional<Policy> find(String site) {
        return list().stream().filter(p -> p.site().equals(site)).findFirst();
    }

    public List<Policy> list() {
        return jdbc.query("SELECT site, channel, concurrency, enabled_by, enabled_at FROM pipeline_closed_loop "
                + "ORDER BY site", (rs, n) -> new Policy(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    @TransactionalEventListener
    void planApplied(PlanApplied applied) {
        if (applied.changes().isEmpty()) {
            return;
        }
        find(applied.site()).ifPresent(policy -> worker.submit(() -> {
            try {
                follow(applied, policy);
            } catch (RuntimeException e) {
                LOG.warn("closed loop: cannot start the config run for plan {} on {}: {}", applied.planId(),
                        applied.site(), e.getMessage(), e);
            }
        }));
    }

    /** Starts the config run for the devices whose desired config the plan changed; returns it, if any. */
    Optional<RunView> follow(PlanApplied applied, Policy policy) {
        List<DeviceTarget> devices = targets.resolve(new RunTarget(applied.site(), null, null, null, null));
        Map<String, String> pushed = runs.lastPushedConfig(devices.stream().map(DeviceTarget::hostname).toList(),
                policy.channel());
        List<String> changed = new ArrayList<>();
        for (DeviceTarget device : devices) {
            String desired;
            try {
                desired = engine.desiredConfigSha(device.hostname(), policy.channel());
            } catch (RuntimeException renderFailed) {
                desired = null; // the run fails it with the template error, where people look
            }
            if (desired == null || !desired.equals(pushed.get(device.hostname()))) {
                changed.add(device.hostname());
            }
        }
        if (changed.isEmpty()) {
            LOG.info("closed loop: plan {} on {} changed no device's config", applied.planId(), applied.site());
            return Optional.empty();
        }
        RunView run = service.start(RunKind.CONFIG, new RunTarget(null, null, null, null, changed),
                new RunOptions(false, policy.concurrency(), RunOptions.DEFAULTS.canary(),
                        RunOptions.DEFAULTS.failureBudget(), policy.channel()),
                "closed-loop: plan " + applied.planId() + " on " + applied.site());
        LOG.info("closed loop: plan {} on {} started config run {} for {} devices", applied.planId(), applied.site(),
                run.id(), changed.size());
        return Optional.of(run);
    }
}
