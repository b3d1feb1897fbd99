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
 * Executes a run wave by wave (a firmware run stages on every device first, see {@link FirmwareRollout}), resuming from what PostgreSQL says each task last did. Per device:
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
    /** Null on nodes built without firmware support: firmware runs then fail their tasks with a reason. */
    private final FirmwareRollout firmware;
    /** Null on nodes without bare-metal support: os-install runs then fail their tasks with a reason. */
    private volatile ServerInstall serverInstall;

    /** @param channels by render target ({@link ConfigChannel#target()}); a run picks one by its options */
    public PipelineEngine(PipelineRuns runs, DesiredConfigs desired, List<ConfigChannel> channels, Limits limits) {
        this(runs, desired, channels, limits, null);
    }

    /** An engine that also runs the firmware kind. */
    public PipelineEngine(PipelineRuns runs, DesiredConfigs desired, List<ConfigChannel> channels, Limits limits,
                          DesiredFirmware desiredFirmware, FirmwareChannel firmwareChannel,
                          FirmwareQuarantine quarantine) {
        this(runs, desired, channels, limits, new FirmwareRollout(runs, desiredFirmware, firmwareChannel, quarantine));
    }

    private PipelineEngine(PipelineRuns runs, DesiredConfigs desired, List<ConfigChannel> channels, Limits limits,
                           FirmwareRollout firmware) {
        this.firmware = firmware;
        this.runs = runs;
        this.desired = desired;
        this.channels = new java.util.HashMap<>();
        channels.forEach(c -> this.channels.put(c.target(), c));
        this.limits = limits;
        this.global = new Semaphore(limits.globalConcurrency(), true);
    }

    /** Lets this engine run the os-install kind (bare metal). */
    public PipelineEngine serverInstall(ServerInstall install) {
        this.serverInstall = install;
        return this;
    }

    /**
     * The hash a config run compares a device's running config with: its rendered config as {@code channel} sees it.
     *
     * @throws DesiredConfigs.DesiredConfigException when its template does not render
     */
    public String desiredConfigSha(String hostname, String channel) {
        ConfigChannel c = channels.get(channel);
        if (c == null) {
            throw new PipelineException("channel", "no " + channel + " channel on this node");
        }
        return ConfigText.sha256(c.comparable(desired.config(hostname, c.target())));
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
            if (run.kind() == RunKind.FIRMWARE) {
                // Stage everywhere first: a slow or failing upload shows before any device is activated.
                List<Future<?>> staging = new ArrayList<>();
                for (TaskView task : runs.tasks(runId)) {
                    if (!task.state().finished()) {
                        staging.add(workers.submit(() -> guarded(run, task, Phase.STAGE)));
                    }
                }
                awaitAll(runId, staging);
                String overBudget = overBudget(run);
                if (overBudget != null) {
                    return halt(run, "staging", overBudget);
                }
                waves.clear();
                for (TaskView task : runs.tasks(runId)) {
                    waves.computeIfAbsent(task.wave(), w -> new ArrayList<>()).add(task);
                }
            }
            for (Map.Entry<Integer, List<TaskView>> wave : waves.entrySet()) {
                if (runs.state(runId) != RunState.RUNNING) {
                    return runs.state(runId);
                }
                List<Future<?>> inFlight = new ArrayList<>();
                for (TaskView task : wave.getValue()) {
                    if (!task.state().finished()) {
                        inFlight.add(workers.submit(() -> guarded(run, task, Phase.CHANGE)));
                    }
                }
                awaitAll(runId, inFlight);
                String overBudget = overBudget(run);
                if (overBudget != null) {
                    return halt(run, "wave " + wave.getKey(), overBudget);
                }
            }
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
        for (TaskView left : runs.tasks(runId)) {
            if (!left.state().finished()) {
                runs.finishTask(left.id(), TaskState.FAILED, "INTERNAL", "the worker ended without finishing this "
                        + "device's task (see the node's log)");
            }
        }
        boolean failed = runs.counts(runId).get(TaskState.FAILED.wire()) > 0;
        runs.finish(runId, failed ? RunState.FAILED : RunState.DONE, null);
        return runs.state(runId);
    }

    /** Firmware runs stage every device first, then change (activate) them wave by wave; config runs only change. */
    private enum Phase { STAGE, CHANGE }

    private static void awaitAll(long runId, List<Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("run {}: a task crashed the worker", runId, e.getCause());
            }
        }
    }

    private RunState halt(RunView run, String after, String overBudget) {
        int skipped = runs.closePending(run.id(), TaskState.SKIPPED, "run halted: " + overBudget);
        runs.finish(run.id(), RunState.HALTED, overBudget + "; " + skipped + " devices left untouched");
        LOG.warn("run {} halted after {}: {}", run.id(), after, overBudget);
        return RunState.HALTED;
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

    private void guarded(RunView run, TaskView task, Phase phase) {
        try {
            global.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            withRetries(run, task, phase);
        } catch (RuntimeException | Error e) {
            // A task must end in a final state whatever broke, or its run would end "done" with it still pending.
            LOG.error("run {}: {} failed unexpectedly", run.id(), task.device(), e);
            runs.finishTask(task.id(), TaskState.FAILED, "INTERNAL", e.toString());
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            global.release();
        }
    }

    private void withRetries(RunView run, TaskView task, Phase phase) {
        Duration backoff = limits.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            TaskView current = runs.attempt(task.id());
            try {
                if (run.kind() == RunKind.CONFIG) {
                    configure(run, current);
                } else if (run.kind() == RunKind.OS_INSTALL) {
                    ServerInstall install = serverInstall;
                    if (install == null) {
                        runs.finishTask(task.id(), TaskState.FAILED, "REJECTED", "this node runs no bare-metal "
                                + "provisioning");
                    } else {
                        install.install(run, current);
                    }
                } else if (firmware == null) {
                    runs.finishTask(task.id(), TaskState.FAILED, "REJECTED", "this node runs no firmware pipelines");
                } else if (phase == Phase.STAGE) {
                    firmware.stage(run, current);
                } else {
                    firmware.activate(run, current);
                }
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
            } catch (DesiredFirmware.DesiredFirmwareException e) {
                runs.finishTask(task.id(), TaskState.FAILED, "FIRMWARE_UNAVAILABLE", e.getMessage());
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
