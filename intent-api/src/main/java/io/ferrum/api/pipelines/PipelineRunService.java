package io.ferrum.api.pipelines;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.pipeline.DeviceTarget;
import io.ferrum.provisioning.pipeline.PipelineException;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.PipelineScheduler;
import io.ferrum.provisioning.pipeline.RunKind;
import io.ferrum.provisioning.pipeline.RunOptions;
import io.ferrum.provisioning.pipeline.RunTarget;
import io.ferrum.provisioning.pipeline.RunView;
import io.ferrum.provisioning.pipeline.TargetResolver;
import io.ferrum.provisioning.pipeline.Waves;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Starting, cancelling and retrying pipeline runs: a run is stored with its tasks, then queued on the cluster. */
@Service
public class PipelineRunService {

    private final PipelineRuns runs;
    private final TargetResolver targets;
    private final PipelineScheduler scheduler;

    PipelineRunService(PipelineRuns runs, TargetResolver targets, PipelineScheduler scheduler) {
        this.runs = runs;
        this.targets = targets;
        this.scheduler = scheduler;
    }

    /** What a client asks for; missing options take {@link RunOptions#DEFAULTS}. */
    public record RunRequest(String kind, RunTarget target, Boolean dryRun, Integer concurrency, Integer canary,
                             Double failureBudget, String channel) {
    }

    public RunView start(RunRequest request, String actor) {
        if (request.kind() == null) {
            throw new PipelineException("kind", "expected config or firmware");
        }
        RunKind kind = RunKind.of(request.kind());
        if (kind == RunKind.FIRMWARE && "netconf".equals(request.channel())) {
            throw new PipelineException("channel", "firmware is staged over SFTP and installed through the device "
                    + "shell; leave channel out or use shell");
        }
        if (request.target() == null) {
            throw new PipelineException("target", "expected {site, role, rack, tag} or {devices: [...]}");
        }
        RunOptions defaults = RunOptions.DEFAULTS;
        RunOptions options = new RunOptions(request.dryRun() != null && request.dryRun(),
                request.concurrency() == null ? defaults.concurrency() : request.concurrency(),
                request.canary() == null ? defaults.canary() : request.canary(),
                request.failureBudget() == null ? defaults.failureBudget() : request.failureBudget(),
                request.channel());
        List<DeviceTarget> devices = targets.resolve(request.target());
        Map<String, Integer> waves = Waves.plan(devices, options);
        long id = runs.create(kind, request.target(), options, actor, devices, waves);
        scheduler.submit(id);
        return get(id);
    }

    public RunView get(long id) {
        return runs.find(id).orElseThrow(() -> IntentException.notFound("id", "no pipeline run with id " + id));
    }

    public RunView cancel(long id) {
        RunView run = get(id);
        if (!runs.cancel(id)) {
            throw IntentException.conflict("state", "run " + id + " is already " + run.state().wire());
        }
        return get(id);
    }

    public RunView retryFailed(long id) {
        RunView run = get(id);
        if (!run.state().finished()) {
            throw IntentException.conflict("state", "run " + id + " is still " + run.state().wire()
                    + "; retry its failed devices once it has finished");
        }
        if (runs.retryFailed(id) == 0) {
            throw IntentException.conflict("state", "run " + id + " has no failed devices");
        }
        scheduler.submit(id);
        return get(id);
    }
}
