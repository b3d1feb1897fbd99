package io.ferrum.provisioning.pipeline;

import java.util.Optional;

/**
 * The firmware kind's steps for one device. A run stages everywhere first ({@link #stage}: check the running
 * version, upload the image), then activates in waves ({@link #activate}: install, verify {@code show version}).
 * A device already on the desired version ends {@code unchanged} with nothing written; one whose version does not
 * verify after install is {@code failed} and quarantined, so later runs leave it alone until released.
 */
class FirmwareRollout {

    private final PipelineRuns runs;
    private final DesiredFirmware desired;
    private final FirmwareChannel channel;
    private final FirmwareQuarantine quarantine;

    FirmwareRollout(PipelineRuns runs, DesiredFirmware desired, FirmwareChannel channel, FirmwareQuarantine quarantine) {
        this.runs = runs;
        this.desired = desired;
        this.channel = channel;
        this.quarantine = quarantine;
    }

    /** Check, then stage; leaves the task pending for its wave, or finishes it (unchanged, dry run, quarantined). */
    void stage(RunView run, TaskView task) {
        Optional<String> held = quarantine.reason(task.device());
        if (held.isPresent()) {
            runs.finishTask(task.id(), TaskState.SKIPPED, "QUARANTINED", held.get());
            return;
        }
        Optional<DesiredFirmware.Image> wanted = desired.image(task.device());
        if (wanted.isEmpty()) {
            runs.finishTask(task.id(), TaskState.UNCHANGED, null, "intent wants no particular firmware on this "
                    + "device (set one for its platform or the device)");
            return;
        }
        DesiredFirmware.Image image = wanted.get();
        boolean installedBefore = task.confirmedStep() == Step.APPLY || task.step() == Step.APPLY
                || task.step() == Step.VERIFY;
        try (FirmwareChannel.Connection device = channel.connect(target(task))) {
            runs.step(task.id(), Step.CHECK);
            String running = device.version();
            if (task.confirmedStep() == null) {
                // Never lower a confirmation: a resumed task keeps "staged" so its image is not uploaded again.
                runs.confirmed(task.id(), Step.CHECK, image.sha256(), null);
            }
            if (running.equals(image.version())) {
                runs.finishTask(task.id(), installedBefore ? TaskState.DONE : TaskState.UNCHANGED, null,
                        installedBefore ? "confirmed after resume: the install before the restart took effect"
                                : "runs " + running + " already");
                return;
            }
            runs.recordDiff(task.id(), "--- " + task.device() + " (running)\n+++ " + task.device() + " (desired)\n"
                    + "@@ firmware @@\n-firmware " + running + "\n+firmware " + image.version() + "\n");
            if (run.options().dryRun()) {
                runs.finishTask(task.id(), TaskState.DONE, null, "dry run: would install " + image.version()
                        + " over " + running);
                return;
            }
            if (task.confirmedStep() != Step.STAGE) {
                runs.step(task.id(), Step.STAGE);
                device.stage(image.file(), image.fileName());
                runs.confirmed(task.id(), Step.STAGE, null, null);
            }
            runs.park(task.id(), "staged " + image.fileName() + "; waiting for its batch");
        }
    }

    /** Install and verify a staged image (staging first when a resumed task lost it). */
    void activate(RunView run, TaskView task) {
        DesiredFirmware.Image image = desired.image(task.device()).orElseThrow(() ->
                new DesiredFirmware.DesiredFirmwareException("intent no longer wants a firmware on " + task.device()));
        try (FirmwareChannel.Connection device = channel.connect(target(task))) {
            if (task.step() == Step.APPLY || task.step() == Step.VERIFY) {
                // Resumed after a crash inside install: the device may already run it.
                if (device.version().equals(image.version())) {
                    runs.confirmed(task.id(), Step.VERIFY, null, null);
                    runs.finishTask(task.id(), TaskState.DONE, null,
                            "confirmed after resume: the install before the restart took effect");
                    return;
                }
            }
            if (task.confirmedStep() == null || task.confirmedStep() == Step.CHECK) {
                runs.step(task.id(), Step.STAGE);
                device.stage(image.file(), image.fileName());
                runs.confirmed(task.id(), Step.STAGE, null, null);
            }
            runs.step(task.id(), Step.APPLY);
            device.install(image.fileName(), image.sha256());
            runs.confirmed(task.id(), Step.APPLY, null, null);

            runs.step(task.id(), Step.VERIFY);
            String after = device.version();
            if (!after.equals(image.version())) {
                String reason = "runs " + after + " after installing " + image.fileName() + ", expected "
                        + image.version();
                quarantine.quarantine(task.device(), run.id(), reason);
                runs.finishTask(task.id(), TaskState.FAILED, "VERIFY_MISMATCH", reason + "; quarantined from "
                        + "later firmware runs until released");
                return;
            }
            runs.confirmed(task.id(), Step.VERIFY, null, null);
            runs.finishTask(task.id(), TaskState.DONE, null, "now runs " + after);
        }
    }

    private static DeviceTarget target(TaskView task) {
        return new DeviceTarget(task.device(), task.address(), null, null);
    }
}
