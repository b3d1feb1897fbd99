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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Starting, cancelling and retrying pipeline runs: a run is stored with its tasks, then queued on the cluster. */
@Service
public class PipelineRunService {

    private final PipelineRuns runs;
    private final TargetResolver targets;
    private final PipelineScheduler scheduler;
    private final JdbcTemplate jdbc;

    private final io.ferrum.provisioning.baremetal.OsImageCatalogue osImages;
    private final io.ferrum.provisioning.baremetal.ProvisioningStore provisioning;

    PipelineRunService(PipelineRuns runs, TargetResolver targets, PipelineScheduler scheduler, JdbcTemplate jdbc,
                       io.ferrum.provisioning.baremetal.OsImageCatalogue osImages,
                       io.ferrum.provisioning.baremetal.ProvisioningStore provisioning) {
        this.osImages = osImages;
        this.provisioning = provisioning;
        this.runs = runs;
        this.targets = targets;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    /** What a client asks for; missing options take {@link RunOptions#DEFAULTS}. */
    public record RunRequest(String kind, RunTarget target, Boolean dryRun, Integer concurrency, Integer canary,
                             Double failureBudget, String channel, String image) {

        public RunRequest(String kind, RunTarget target, Boolean dryRun, Integer concurrency, Integer canary,
                          Double failureBudget, String channel) {
            this(kind, target, dryRun, concurrency, canary, failureBudget, channel, null);
        }
    }

    public RunView start(RunRequest request, String actor) {
        RunKind kind = kind(request);
        RunTarget target = target(request);
        RunOptions options = options(kind, request);
        if (request.image() != null) {
            if (kind != RunKind.OS_INSTALL) {
                throw new PipelineException("image", "only an os-install run installs an image");
            }
            // the run's image becomes each server's desired image (intent), checked before anything is stored
            var image = osImages.named("image", request.image());
            for (DeviceTarget server : targets.resolve(target, kind)) {
                var ref = provisioning.server(server.hostname());
                provisioning.desire(ref.deviceId(), image.id(), actor);
            }
        }
        return start(kind, target, options, actor);
    }

    /** Starts a run already checked (e.g. a schedule's or the closed loop's). */
    public RunView start(RunKind kind, RunTarget target, RunOptions options, String actor) {
        List<DeviceTarget> devices = targets.resolve(target, kind);
        if (kind == RunKind.CONFIG && !options.dryRun()) {
            refuseKilledLinks(devices);
        }
        Map<String, Integer> waves = Waves.plan(devices, options);
        long id = runs.create(kind, target, options, actor, devices, waves);
        scheduler.submit(id);
        return get(id);
    }

    /**
     * A config push renders hand-off ports as intent enables them, so it would bring back up links the exchange kill
     * switch holds down: refused while any target device has a killed connection (dry runs only read, and go on).
     */
    private void refuseKilledLinks(List<DeviceTarget> devices) {
        List<String> killed = jdbc.queryForList("SELECT d.hostname || ': ' || string_agg(c.circuit_id, ', ' ORDER BY "
                + "c.circuit_id) FROM exchange_connection c JOIN device d ON d.id = c.device_id WHERE c.status = "
                + "'killed' AND d.hostname = ANY (?) GROUP BY d.hostname ORDER BY d.hostname", String.class,
                (Object) devices.stream().map(DeviceTarget::hostname).toArray(String[]::new));
        if (!killed.isEmpty()) {
            throw IntentException.conflict("target", "the exchange kill switch holds links of these devices down "
                    + "(" + String.join("; ", killed.stream().limit(5).toList()) + (killed.size() > 5 ? "; …" : "")
                    + "): a config push would re-enable them. Release the kill switch first, or leave these "
                    + "devices out of the run");
        }
    }

    static RunKind kind(RunRequest request) {
        if (request.kind() == null) {
            throw new PipelineException("kind", "expected config, firmware or os-install");
        }
        return RunKind.of(request.kind());
    }

    static RunTarget target(RunRequest request) {
        if (request.target() == null) {
            throw new PipelineException("target", "expected {site, role, rack, tag} or {devices: [...]}");
        }
        return request.target();
    }

    static RunOptions options(RunKind kind, RunRequest request) {
        if (kind == RunKind.OS_INSTALL && request.channel() != null) {
            throw new PipelineException("channel", "an os-install run reaches servers through their BMCs and network "
                    + "boot; leave channel out");
        }
        if (kind == RunKind.FIRMWARE && "netconf".equals(request.channel())) {
            throw new PipelineException("channel", "firmware is staged over SFTP and installed through the device "
                    + "shell; leave channel out or use shell");
        }
        RunOptions defaults = RunOptions.DEFAULTS;
        return new RunOptions(request.dryRun() != null && request.dryRun(),
                request.concurrency() == null ? defaults.concurrency() : request.concurrency(),
                request.canary() == null ? defaults.canary() : request.canary(),
                request.failureBudget() == null ? defaults.failureBudget() : request.failureBudget(),
                request.channel());
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
