package io.ferrum.provisioning.pipeline;

import io.ferrum.provisioning.driver.DriverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a config run wave by wave, resuming from what PostgreSQL says each task last did. Per device:
 * {@code check} (read running, compare with desired: equal ends {@code unchanged} with no write; a dry run stops
 * here with the diff), {@code stage}, {@code apply}, {@code verify} (read back). A task found in {@code apply}
 * without confirmation (the node died mid-push) first reads the device: if the config is already there the push is
 * confirmed, never repeated. After each wave the failure budget is checked; over it, the run halts and every later
 * device is left untouched ({@code skipped}).
 */
public class PipelineEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineEngine.class);

    /** Engine-wide limits: devices in flight across all runs, and retries of retryable driver failures. */
    public record Limits(int globalConcurrency, int maxAttempts, Duration firstBackoff) {
        public static final Limits DEFAULTS = new Limits(50, 3, Duration.ofSeconds(1));
    }

    private final PipelineRuns runs;
    private final DesiredConfigs desired;
    private final Map<String, ConfigChannel> channels;
    private final Limits limits;
    private final Semaphore global;

    /** @param channels by render target ({@link ConfigChannel#target()}); a run picks one by its options */
    public PipelineEngine(PipelineRuns runs, DesiredConfigs desired, List<ConfigChannel> channels, Limits limits) {
        this.runs = runs;
        this.desired = desired;
        this.channels = new java.util.HashMap<>();
        channels.forEach(c -> this.channels.put(c.target(), c));
        this.limits = limits;
        this.global = new Semaphore(limits.globalConcurrency(), true);
    }

    /** Runs (or resumes) a run to its end; returns its final state. */
    public RunState execute(long runId) throws InterruptedException {
        if (!runs.start(runId)) {
            return runs.state(runId);
        }
        RunView run = runs.find(runId).orElseThrow();
        Map<Integer, List<TaskView>> waves = new TreeMap<>();
        for (TaskView task : runs.tasks(runId)) {
            waves.computeIfAbsent(task.wave(), w -> new ArrayList<>()).add(task);
        }
        ExecutorService workers = Executors.newFixedThreadPool(run.options().concurrency(),
                r -> new Thread(r, "pipeline-run-" + runId));
        try {
            for (Map.Entry<Integer, List<TaskView>> wave : waves.entrySet()) {
                if (runs.state(runId) != RunState.RUNNING) {
                    return runs.state(runId);
                }
                List<Future<?>> inFlight = new ArrayList<>();
                for (TaskView task : wave.getValue()) {
                    if (!task.state().finished()) {
                        inFlight.add(workers.submit(() -> guarded(run, task)));
                    }
                }
                for (Future<?> f : inFlight) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        LOG.error("run {}: a task crashed the worker", runId, e.getCause());
                    }
                }
                String overBudget = overBudget(run);
                if (overBudget != null) {
                    int skipped = runs.closePending(runId, TaskState.SKIPPED, "run halted: " + overBudget);
                    runs.finish(runId, RunState.HALTED, overBudget + "; " + skipped + " devices left untouched");
                    LOG.warn("run {} halted after wave {}: {}", runId, wave.getKey(), overBudget);
                    return RunState.HALTED;
                }
            }
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
        boolean failed = runs.counts(runId).get(TaskState.FAILED.wire()) > 0;
        runs.finish(runId, failed ? RunState.FAILED : RunState.DONE, null);
        return runs.state(runId);
    }

    /** The halt reason when the share of failed devices exceeds the budget, else null. */
    private String overBudget(RunView run) {
        Map<String, Integer> counts = runs.counts(run.id());
        long failed = counts.get(TaskState.FAILED.wire());
        long finished = failed + counts.get(TaskState.DONE.wire()) + counts.get(TaskState.UNCHANGED.wire());
        if (failed == 0 || finished == 0) {
            return null;
        }
        double share = (double) failed / finished;
        if (share > run.options().failureBudget()) {
            return String.format(java.util.Locale.ROOT, "%d of %d devices failed (%.0f%%), over the failure budget "
                    + "of %.0f%%", failed, finished, share * 100, run.options().failureBudget() * 100);
        }
        return null;
    }

    private void guarded(RunView run, TaskView task) {
        try {
            global.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            withRetries(run, task);
        } catch (RuntimeException e) {
            LOG.error("run {}: {} failed unexpectedly", run.id(), task.device(), e);
            runs.finishTask(task.id(), TaskState.FAILED, "INTERNAL", e.toString());
        } finally {
            global.release();
        }
    }

    private void withRetries(RunView run, TaskView task) {
        Duration backoff = limits.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            TaskView current = runs.attempt(task.id());
            try {
                configure(run, current);
                return;
            } catch (DriverException e) {
                if (!e.retryable() || attempt >= limits.maxAttempts()) {
                    runs.finishTask(task.id(), TaskState.FAILED, e.reason().name(), e.getMessage());
                    return;
                }
                LOG.info("run {}: {} attempt {} failed ({}), retrying in {}", run.id(), task.device(), attempt,
                        e.reason(), backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2);
            } catch (DesiredConfigs.DesiredConfigException e) {
                runs.finishTask(task.id(), TaskState.FAILED, "TEMPLATE_ERROR", e.getMessage());
                return;
            }
        }
    }

    private void configure(RunView run, TaskView task) {
        DeviceTarget device = new DeviceTarget(task.device(), task.address(), null, null);
        ConfigChannel channel = channels.get(run.options().channel());
        if (channel == null) {
            throw new DriverException(io.ferrum.provisioning.driver.FailureReason.REJECTED, task.device(),
                    "no " + run.options().channel() + " channel on this node");
        }
        String config = desired.config(task.device(), channel.target());
        String comparable = channel.comparable(config);
        String desiredSha = ConfigText.sha256(comparable);
        boolean pushedBefore = task.confirmedStep() == Step.APPLY || task.step() == Step.APPLY
                || task.step() == Step.VERIFY;

        try (ConfigChannel.Connection connection = channel.connect(device)) {
            configure(run, task, connection, config, comparable, desiredSha, pushedBefore);
        }
    }

    private void configure(RunView run, TaskView task, ConfigChannel.Connection connection, String config,
                           String comparable, String desiredSha, boolean pushedBefore) {
        String file = "ferrum-run-" + run.id() + ".conf";
        // Each transition below is one statement: confirming a step and starting the next happen together, since
        // nothing is done to the device between them.
        runs.step(task.id(), Step.CHECK);
        String running = connection.running();
        String runningSha = ConfigText.sha256(running);
        if (runningSha.equals(desiredSha)) {
            // Already right: either it always was, or our own push before a crash took effect.
            runs.finishTask(task.id(), Step.CHECK, desiredSha, runningSha, null,
                    pushedBefore ? TaskState.DONE : TaskState.UNCHANGED, null,
                    pushedBefore ? "confirmed after resume: the push before the restart took effect" : null);
            return;
        }
        String diff = ConfigText.diff(task.device(), running, comparable);
        if (run.options().dryRun()) {
            runs.finishTask(task.id(), Step.CHECK, desiredSha, runningSha, diff, TaskState.DONE, null,
                    "dry run: would change the config (see diff)");
            return;
        }
        runs.advance(task.id(), Step.CHECK, desiredSha, runningSha, diff, Step.STAGE);
        connection.stage(file, config);
        runs.advance(task.id(), Step.STAGE, null, null, null, Step.APPLY);
        connection.apply(file, config);
        runs.advance(task.id(), Step.APPLY, null, null, null, Step.VERIFY);
        String after = ConfigText.sha256(connection.running());
        if (!after.equals(desiredSha)) {
            runs.finishTask(task.id(), TaskState.FAILED, "VERIFY_MISMATCH", "running config hashes to " + after
                    + " after the push, rendered to " + desiredSha);
            return;
        }
        runs.finishTask(task.id(), Step.VERIFY, null, after, null, TaskState.DONE, null, null);
    }
}
