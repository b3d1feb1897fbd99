package io.ferrum.provisioning.pipeline;

/**
 * How a config run talks to a device. Every method opens what it needs and closes it, with the driver's timeouts;
 * failures are {@link io.ferrum.provisioning.driver.DriverException}s with a reason the engine retries or reports.
 */
public interface ConfigChannel {

    /** The device's running config, as text. */
    String running(DeviceTarget device);

    /** Puts {@code config} on the device as {@code fileName}, without activating it. */
    void stage(DeviceTarget device, String fileName, String config);

    /** Replaces the running config with the staged file. */
    void apply(DeviceTarget device, String fileName);
}
