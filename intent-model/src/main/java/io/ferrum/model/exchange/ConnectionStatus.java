package io.ferrum.model.exchange;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;
import java.util.EnumSet;
import java.util.Set;

/** Whether an exchange connection is meant to carry traffic. */
public enum ConnectionStatus implements WireValue {
    PLANNED("planned"),
    ACTIVE("active"),
    /** Taken down by the exchange kill switch; only a release brings it back. */
    KILLED("killed"),
    DISCONNECTED("disconnected");

    private final String wire;

    ConnectionStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ConnectionStatus of(String wire) {
        return WireValue.parse(ConnectionStatus.class, wire);
    }

    /** Where a connection may go from here; a killed one only back to active, by a kill-switch release. */
    public Set<ConnectionStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, KILLED, DISCONNECTED);
            case ACTIVE -> EnumSet.of(KILLED, DISCONNECTED);
            case KILLED -> EnumSet.of(ACTIVE);
            case DISCONNECTED -> EnumSet.of(PLANNED, ACTIVE);
        };
    }
}
