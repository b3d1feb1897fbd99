package io.ferrum.api.pipelines;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.pipeline.PipelineScheduler;
import io.ferrum.provisioning.pipeline.PipelineSchedules;
import io.ferrum.provisioning.pipeline.RunKind;
import io.ferrum.provisioning.pipeline.RunView;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Cron-style schedules of pipeline runs: stored, handed to Quartz's clustered store (each firing runs once across
 * the nodes), and on firing started like any run, with the schedule named as the actor.
 */
@Service
public class PipelineScheduleService {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduleService.class);

    private final PipelineSchedules schedules;
    private final PipelineScheduler scheduler;
    private final PipelineRunService runs;

    PipelineScheduleService(PipelineSchedules schedules, PipelineScheduler scheduler, PipelineRunService runs) {
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.runs = runs;
    }

    /** What a client asks: a run request plus when, e.g. {@code cron: "0 30 2 * * ?"} in {@code timeZone}. */
    public record ScheduleRequest(String name, String cron, String timeZone, String kind,
                                  io.ferrum.provisioning.pipeline.RunTarget target, Boolean dryRun, Integer concurrency,
                                  Integer canary, Double failureBudget, String channel) {
        PipelineRunService.RunRequest run() {
            return new PipelineRunService.RunRequest(kind, target, dryRun, concurrency, canary, failureBudget, channel);
        }
    }

    /** A schedule with when it fires next (null when Quartz does not hold it, e.g. on a node with runs off). */
    public record ScheduleView(PipelineSchedules.Schedule schedule, Instant nextFire) {
    }

    public ScheduleView create(ScheduleRequest request, String actor) {
        if (request == null) {
            throw IntentException.invalid("body", "expected {name, cron, timeZone, kind, target, ...}");
        }
        RunKind kind = PipelineRunService.kind(request.run());
        PipelineSchedules.Schedule schedule = schedules.create(request.name(), request.cron(), request.timeZone(), kind,
                PipelineRunService.target(request.run()), PipelineRunService.options(kind, request.run()), actor);
        scheduler.schedule(schedule.id(), schedule.cron(), schedule.timeZone());
        LOG.info("schedule {} ({} {}) created by {}", schedule.name(), schedule.cron(), schedule.timeZone(), actor);
        return view(schedule);
    }

    public List<ScheduleView> list() {
        return schedules.list().stream().map(this::view).toList();
    }

    public ScheduleView get(long id) {
        return view(schedules.find(id).orElseThrow(() -> IntentException.notFound("id", "no schedule with id " + id)));
    }

    public void delete(long id, String actor) {
        get(id);
        scheduler.unschedule(id);
        schedules.delete(id);
        LOG.info("schedule {} deleted by {}", id, actor);
    }

    /** A schedule fired: start its run, and record what happened either way. */
    void fired(long id) {
        PipelineSchedules.Schedule schedule = schedules.find(id).orElse(null);
        if (schedule == null) {
            scheduler.unschedule(id); // deleted on another node meanwhile
            return;
        }
        try {
            RunView run = runs.start(schedule.kind(), schedule.target(), schedule.options(), "schedule:"
                    + schedule.name() + " (created by " + schedule.createdBy() + ")");
            schedules.fired(id, run.id(), null);
            LOG.info("schedule {} started run {}", schedule.name(), run.id());
        } catch (RuntimeException e) {
            schedules.fired(id, null, e.getMessage());
            LOG.warn("schedule {} could not start its run: {}", schedule.name(), e.getMessage());
        }
    }

    /** Hands firings to this service, and makes Quartz hold exactly the stored schedules. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        scheduler.onScheduleFired(this::fired);
        for (PipelineSchedules.Schedule schedule : schedules.list()) {
            if (scheduler.nextFire(schedule.id()).isEmpty()) {
                scheduler.schedule(schedule.id(), schedule.cron(), schedule.timeZone());
            }
        }
    }

    private ScheduleView view(PipelineSchedules.Schedule schedule) {
        return new ScheduleView(schedule, scheduler.nextFire(schedule.id()).orElse(null));
    }
}
