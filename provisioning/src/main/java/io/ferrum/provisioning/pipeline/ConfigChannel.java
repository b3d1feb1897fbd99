package io.ferrum.provisioning.pipeline;

/**
 * How a config run talks to a device. Every method opens what it needs and closes it, with the driver's timeouts;
 * failures are {@link io.ferrum.provisioning.driver.DriverException}s with a reason the engine retries or reports.
 */
public interface ConfigChannel {

    /** The render target whose configs this channel pushes: {@code shell} or {@code netconf}. */
    default String target() {
        return "shell";
    }

    /** A rendered config in the form {@link #running} answers, so the two compare. */
    default String comparable(String config) {
        return config;
    }

    /** The device's running config, as comparable text. */
    String running(DeviceTarget device);

    /** Puts {@code config} on the device as {@code fileName} (or proves the device accepts it) without activating it. */
    void stage(DeviceTarget device, String fileName, String config);

    /** Makes the staged config the running one. */
    void apply(DeviceTarget device, String fileName, String config);
}
