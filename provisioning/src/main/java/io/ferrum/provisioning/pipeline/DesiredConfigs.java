package io.ferrum.provisioning.pipeline;

/**
 * The config a device should run, rendered from intent. Provisioning does not know standards or templates; the
 * application wires this to the renderer of the device's site standard.
 */
public interface DesiredConfigs {

    /**
     * @param target the channel's render target, {@code shell} or {@code netconf}
     * @throws DesiredConfigException when it cannot be rendered (a template error, named)
     */
    String config(String hostname, String target);

    /** A desired config that cannot be rendered, with the renderer's located message. */
    class DesiredConfigException extends RuntimeException {
        public DesiredConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
