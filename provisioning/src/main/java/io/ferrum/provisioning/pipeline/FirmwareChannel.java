package io.ferrum.provisioning.pipeline;

import java.nio.file.Path;

/** How firmware reaches a device: read its running version, stage an image, install it. */
public interface FirmwareChannel {

    Connection connect(DeviceTarget device);

    /** One session to one device, used for every step of its task. */
    interface Connection extends AutoCloseable {

        /** The firmware version the device runs now. */
        String version();

        /** Copies {@code file} to the device as {@code fileName}, resuming a partial copy, checksum-verified. */
        void stage(Path file, String fileName);

        /** Activates the staged image; the device checks its SHA-256 first. */
        void install(String fileName, String sha256);

        @Override
        void close();
    }
}
