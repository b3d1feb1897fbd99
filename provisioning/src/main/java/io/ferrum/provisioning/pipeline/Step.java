package io.ferrum.provisioning.pipeline;

/**
 * The steps of a task, in order. {@code check} reads the device and compares it with desired (a device already
 * right ends {@code unchanged} with no write); {@code stage} puts the new config or image on the device;
 * {@code apply} activates it; {@code verify} reads it back.
 */
public enum Step {
    CHECK, STAGE, APPLY, VERIFY;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Step of(String wire) {
        return wire == null ? null : valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
