package io.ferrum.model.exchange;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** Whether an exchange connection is meant to carry traffic. */
public enum ConnectionStatus implements WireValue {
    PLANNED("planned"),
    ACTIVE("active"),
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
}
