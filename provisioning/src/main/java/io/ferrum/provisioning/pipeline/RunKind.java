package io.ferrum.provisioning.pipeline;

/** What a pipeline run changes on its devices. */
public enum RunKind {
    /** The rendered config, replaced as a whole and verified by reading it back. */
    CONFIG("config"),
    /** The catalogue's firmware version: staged everywhere first, activated in batches. */
    FIRMWARE("firmware"),
    /** A server's OS image, written over network boot by the deploy agent (bare metal, {@code baremetal}). */
    OS_INSTALL("os-install");

    private final String wire;

    RunKind(String wire) {
        this.wire = wire;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return wire;
    }

    public static RunKind of(String wire) {
        for (RunKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return kind;
            }
        }
        throw new PipelineException("kind", "'" + wire + "' is not a run kind; expected config, firmware or os-install");
    }
}
