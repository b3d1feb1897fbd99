package io.ferrum.provisioning.baremetal;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.RunState;
import io.ferrum.provisioning.pipeline.RunView;
import io.ferrum.provisioning.pipeline.ServerInstall;
import io.ferrum.provisioning.pipeline.Step;
import io.ferrum.provisioning.pipeline.TaskState;
import io.ferrum.provisioning.pipeline.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server's deploy in an os-install run. The server's state machine lives in PostgreSQL; this worker only moves
 * it along and waits, so it can die at any point (kill -9) and a resumed task picks up where the server is:
 * <ol>
 * <li>{@code check}: active with the desired image (and its OS reported it) → {@code unchanged}, no power action;</li>
 * <li>{@code stage}: {@code deploying} (or {@code rebuilding}): boot device network, power on or cycle →
 * {@code wait-callback}: the agent boots, takes its order, streams and verifies the image, reports the result;</li>
 * <li>{@code apply}: {@code verifying}: boot device disk, power cycle into the installed OS;</li>
 * <li>{@code verify}: the OS reports the image it booted → {@code active}.</li>
 * </ol>
 * Each wait has a deadline stored with the state; past it the deploy fails and the server is powered off.
 */
public class OsInstaller implements ServerInstall {

    private static final Logger LOG = LoggerFactory.getLogger(OsInstaller.class);

    private final ProvisioningStore store;
    private final OsImageCatalogue images;
    private final BmcChannel bmc;
    private final PipelineRuns runs;
    private final DeployWaits waits;
    private final Clock clock;

    public OsInstaller(ProvisioningStore store, OsImageCatalogue images, BmcChannel bmc, PipelineRuns runs,
                       DeployWaits waits, Clock clock) {
        this.store = store;
        this.images = images;
        this.bmc = bmc;
        this.runs = runs;
        this.waits = waits;
        this.clock = clock;
    }

    @Override
    public void install(RunView run, TaskView task) {
        String actor = run.actor() + " (run " + run.id() + ")";
        ProvisioningStore.Server server = store.server(task.device());
        if (server.bmcAddress() == null) {
            runs.finishTask(task.id(), TaskState.FAILED, "NO_BMC", task.device() + " has no BMC address in intent");
            return;
        }
        ServerProvisioning row = store.ensure(server.deviceId(), actor);
        if (row.desiredImageId() == null) {
            runs.finishTask(task.id(), TaskState.FAILED, "NO_IMAGE", task.device() + " has no desired OS image; "
                    + "set one (PUT /api/v1/servers/" + server.deviceId() + "/provisioning) or start the run with "
                    + "an image");
            return;
        }
        OsImage desired = images.find(row.desiredImageId()).orElseThrow();
        boolean resuming = row.state().deploying() && Objects.equals(row.runId(), run.id())
                && Objects.equals(row.deployingImageId(), desired.id());
        if (!resuming) {
            runs.step(task.id(), Step.CHECK);
            if (row.state() == ProvisionState.ACTIVE && Objects.equals(row.installedImageId(), desired.id())
                    && desired.ident().equals(row.reportedImage())) {
                // this run's own deploy, finished just before its node died, is done; anyone else's is unchanged
                boolean ours = Objects.equals(row.runId(), run.id());
                runs.finishTask(task.id(), Step.CHECK, desired.sha256(), desired.sha256(), null,
                        ours ? TaskState.DONE : TaskState.UNCHANGED, null, (ours ? "confirmed after resume: " : "")
                        + "active with " + desired.ident() + " (reported " + row.reportedAt() + ")");
                return;
            }
            if (run.options().dryRun()) {
                runs.finishTask(task.id(), Step.CHECK, desired.sha256(), null, null, TaskState.DONE, null,
                        "dry run: would install " + desired.ident() + " (now " + row.state().wire() + ")");
                return;
            }
            bmc.poweredOn(server); // the BMC must answer before anything changes: UNREACHABLE fails here, untouched
            store.available(server.deviceId(), actor);
            store.startDeploy(server.deviceId(), desired.id(), run.id(), clock.instant().plus(waits.callback()),
                    actor);
            runs.advance(task.id(), Step.CHECK, desired.sha256(), null, null, Step.STAGE);
        }
        try {
            follow(run, task, server, desired, actor);
        } catch (DriverException e) {
            // the deploy cannot go on without its BMC: it fails with the driver's reason (a retry starts it afresh)
            store.fail(server.deviceId(), EnumSet.of(ProvisionState.DEPLOYING, ProvisionState.REBUILDING,
                    ProvisionState.WAIT_CALLBACK, ProvisionState.VERIFYING), e.reason().name(), e.getMessage(), actor);
            throw e;
        }
    }

    private void follow(RunView run, TaskView task, ProvisioningStore.Server server, OsImage desired, String actor) {
        while (true) {
            ServerProvisioning row = store.find(server.deviceId()).orElseThrow();
            if (runs.state(run.id()) == RunState.CANCELLED) {
                store.fail(server.deviceId(), EnumSet.of(ProvisionState.DEPLOYING, ProvisionState.REBUILDING,
                        ProvisionState.WAIT_CALLBACK, ProvisionState.VERIFYING), "CANCELLED", "run " + run.id()
                        + " was cancelled", actor);
                powerOffQuietly(server);
                return;
            }
            switch (row.state()) {
                case DEPLOYING, REBUILDING -> {
                    bootFrom(server, true, actor);
                    bmc.reboot(server);
                    store.powered(server.deviceId(), clock.instant().plus(waits.callback()), actor, run.id());
                    LOG.info("run {}: {} network-boots into the deploy agent", run.id(), server.hostname());
                }
                case WAIT_CALLBACK -> {
                    if (bootedItsDisk(row)) {
                        // iPXE could not reach Ferrum (a restart, a network blip) and fell through to the disk:
                        // the old OS reported instead of the agent calling. Network-boot it again.
                        LOG.info("run {}: {} booted its disk instead of the deploy agent; network-booting it again",
                                run.id(), server.hostname());
                        bootFrom(server, true, actor);
                        bmc.reboot(server);
                        store.repowered(server.deviceId(), "the server booted its disk (it reported "
                                + row.reportedImage() + "); network-booted again", actor);
                    } else if (expired(row)) {
                        failAndPowerOff(server, ProvisionState.WAIT_CALLBACK, "TIMEOUT", "the deploy agent did not "
                                + "report a result within " + waits.callback() + " (" + row.bytesWritten()
                                + " bytes written)", actor);
                    }
                }
                case VERIFYING -> {
                    if (row.powerDoneAt() == null) {
                        runs.advance(task.id(), Step.STAGE, desired.sha256(), desired.sha256(), null, Step.APPLY);
                        bootFrom(server, false, actor);
                        bmc.reboot(server);
                        store.rebooted(server.deviceId(), actor);
                        runs.advance(task.id(), Step.APPLY, null, null, null, Step.VERIFY);
                    } else if (expired(row)) {
                        failAndPowerOff(server, ProvisionState.VERIFYING, "VERIFY_TIMEOUT", "the installed OS did "
                                + "not report within " + waits.verify(), actor);
                    }
                }
                case ACTIVE -> {
                    runs.finishTask(task.id(), Step.VERIFY, desired.sha256(), desired.sha256(), null, TaskState.DONE,
                            null, "active: booted " + row.reportedImage());
                    return;
                }
                case DEPLOY_FAILED -> {
                    powerOffQuietly(server);
                    runs.finishTask(task.id(), TaskState.FAILED, row.failureReason(), row.failureDetail());
                    return;
                }
                default -> {
                    runs.finishTask(task.id(), TaskState.FAILED, "INTERRUPTED", server.hostname() + " became "
                            + row.state().wire() + " during the deploy");
                    return;
                }
            }
            try {
                Thread.sleep(waits.poll().toMillis());
            } catch (InterruptedException e) {
                // the node is stopping: the server's state stays as stored and a resumed task continues from it
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sets the boot device. A BMC that refuses the command (some do, OpenIPMI's simulator without a chassis program
     * among them) leaves the server's own boot order, network first, to decide: Ferrum's iPXE script then sends it to
     * the agent or to its disk, as Ironic's iPXE boot does. The refusal is recorded, not fatal.
     */
    private void bootFrom(ProvisioningStore.Server server, boolean network, String actor) {
        try {
            bmc.bootFrom(server, network);
        } catch (DriverException e) {
            if (e.reason() != io.ferrum.provisioning.driver.FailureReason.REJECTED) {
                throw e;
            }
            LOG.warn("{}: the BMC refused boot device {}; the boot order and iPXE decide: {}", server.hostname(),
                    network ? "pxe" : "disk", e.getMessage());
            store.milestone(server.deviceId(), "bootdev-refused", e.getMessage(), actor);
        }
    }

    /** A report after the last power action: the server runs an OS, not the deploy agent. */
    private static boolean bootedItsDisk(ServerProvisioning row) {
        return row.reportedAt() != null && row.powerDoneAt() != null && row.reportedAt().isAfter(row.powerDoneAt())
                && row.bytesTotal() == null;
    }

    private boolean expired(ServerProvisioning row) {
        Instant deadline = row.deadline();
        return deadline != null && clock.instant().isAfter(deadline);
    }

    private void failAndPowerOff(ProvisioningStore.Server server, ProvisionState from, String reason, String detail,
                                 String actor) {
        store.fail(server.deviceId(), EnumSet.of(from), reason, detail, actor);
        LOG.warn("{}: deploy failed ({}): {}", server.hostname(), reason, detail);
    }

    private void powerOffQuietly(ProvisioningStore.Server server) {
        try {
            bmc.powerOff(server);
        } catch (DriverException e) {
            LOG.warn("{}: could not power off after the failed deploy: {}", server.hostname(), e.getMessage());
        }
    }
}
