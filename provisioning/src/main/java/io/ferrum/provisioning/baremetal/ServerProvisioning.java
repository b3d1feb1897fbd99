package io.ferrum.provisioning.baremetal;

import java.time.Instant;

/**
 * One server's provisioning row: its state, the images involved, the current wait's deadline and the deploy's
 * progress. {@code powerDoneAt} says the power action the current state needs was done, so a resumed worker does not
 * repeat it.
 */
public record ServerProvisioning(long deviceId, String hostname, ProvisionState state, Long desiredImageId,
                                 Long deployingImageId, Long installedImageId, Instant deadline, Instant powerDoneAt,
                                 long bytesWritten, Long bytesTotal, String failureReason, String failureDetail,
                                 String reportedImage, Instant reportedAt, Long runId, Instant updatedAt) {
}
