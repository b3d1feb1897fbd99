package io.ferrum.provisioning.firmware;

import java.time.Instant;

/**
 * One image of the firmware catalogue: {@code version} of {@code platform}, whose bytes hash to {@code sha256}.
 * {@code name} is the file name it gets on a device's flash.
 */
public record FirmwareImage(long id, String name, String platform, String version, String sha256, long sizeBytes,
                            String uploadedBy, Instant uploadedAt) {
}
