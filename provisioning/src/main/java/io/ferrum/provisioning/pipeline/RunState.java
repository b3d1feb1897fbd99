package io.ferrum.provisioning.pipeline;

/**
 * A run's state: {@code pending → running → done | failed | halted | cancelled}. {@code failed}: every device was
 * tried and some failed within the budget; {@code halted}: the failure budget was exceeded and later devices were
 * left untouched.
 */
public enum RunState {
    PENDING, RUNNING, DONE, FAILED, HALTED, CANCELLED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunState of(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean finished() {
        return this != PENDING && this != RUNNING;
    }
}
