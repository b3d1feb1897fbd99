package io.ferrum.provisioning.driver.ssh;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;

import java.time.Duration;

/** What a remote command printed and how it exited; exit status -1 means the device sent none (killed by a signal). */
public record CommandResult(String device, String command, int exitStatus, String stdout, String stderr, Duration elapsed) {

    public boolean succeeded() {
        return exitStatus == 0;
    }

    /** Returns this result, or throws REJECTED carrying the device's own words when the command failed. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            String detail = stderr.isBlank() ? stdout.strip() : stderr.strip();
            throw new DriverException(FailureReason.REJECTED, device,
                    "command '" + command + "' exited " + exitStatus + ": " + detail);
        }
        return this;
    }
}
