package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** What a port carries. */
public enum PortKind implements WireValue {
    DATA("data"),
    MGMT("mgmt"),
    CONSOLE("console"),
    POWER("power");

    private final String wire;

    PortKind(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static PortKind of(String wire) {
        return WireValue.parse(PortKind.class, wire);
    }
}
