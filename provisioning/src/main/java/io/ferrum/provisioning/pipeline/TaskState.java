package io.ferrum.provisioning.pipeline;

/** One device's task: {@code pending → running → done | unchanged | failed | skipped | cancelled}. */
public enum TaskState {
    PENDING, RUNNING, DONE, UNCHANGED, FAILED, SKIPPED, CANCELLED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskState of(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }
}
