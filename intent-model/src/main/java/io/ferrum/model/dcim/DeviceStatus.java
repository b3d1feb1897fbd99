package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** Lifecycle of a device. */
public enum DeviceStatus implements WireValue {
    PLANNED("planned"),
    STAGED("staged"),
    ACTIVE("active"),
    FAILED("failed"),
    DECOMMISSIONED("decommissioned");

    private final String wire;

    DeviceStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DeviceStatus of(String wire) {
        return WireValue.parse(DeviceStatus.class, wire);
    }
}
