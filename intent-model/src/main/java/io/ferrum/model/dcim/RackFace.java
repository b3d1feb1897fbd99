package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** The side of a rack a device is mounted on. */
public enum RackFace implements WireValue {
    FRONT("front"),
    REAR("rear");

    private final String wire;

    RackFace(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RackFace of(String wire) {
        return WireValue.parse(RackFace.class, wire);
    }
}
