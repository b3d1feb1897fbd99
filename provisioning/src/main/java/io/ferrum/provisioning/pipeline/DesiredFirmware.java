package io.ferrum.provisioning.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/** The firmware image intent wants on a device, with its bytes on this node; empty when intent wants none. */
@FunctionalInterface
public interface DesiredFirmware {

    /** @throws DesiredFirmwareException when intent names a version the catalogue cannot serve */
    Optional<Image> image(String hostname);

    /**
     * @param fileName the name the image gets on the device's flash
     * @param file     the verified bytes on this node
     */
    record Image(String version, String fileName, String sha256, long sizeBytes, Path file) {
    }

    /** Intent's desire cannot be met: the version is not in the catalogue, or its bytes are missing here. */
    class DesiredFirmwareException extends RuntimeException {
        public DesiredFirmwareException(String message) {
            super(message);
        }
    }
}
