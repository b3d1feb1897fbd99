package io.ferrum.provisioning.pipeline;

/**
 * How a config run talks to a device: one {@link Connection} per task, so a task's check, stage, apply and verify
 * share one login (a key exchange costs more than the commands). Failures are
 * {@link io.ferrum.provisioning.driver.DriverException}s with a reason the engine retries or reports; every call
 * has the driver's timeouts.
 */
public interface ConfigChannel {

    /** The render target whose configs this channel pushes: {@code shell} or {@code netconf}. */
    default String target() {
        return "shell";
    }

    /** A rendered config in the form {@link Connection#running} answers, so the two compare. */
    default String comparable(String config) {
        return config;
    }

    /** Logs in to the device; the caller closes the connection. */
    Connection connect(DeviceTarget device);

    /** One device, for the steps of one task. */
    interface Connection extends AutoCloseable {

        /** The device's running config, as comparable text. */
        String running();

        /** Puts {@code config} on the device as {@code fileName} (or proves the device accepts it), inactive. */
        void stage(String fileName, String config);

        /** Makes the staged config the running one. */
        void apply(String fileName, String config);

        @Override
        void close();
    }
}
