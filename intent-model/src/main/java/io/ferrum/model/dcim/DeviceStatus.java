package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * Where a device may go from here: racked and cabled (staged), in service (active), broken (failed) and back,
     * or out for good (decommissioned, which is final).
     */
    public Set<DeviceStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(STAGED, DECOMMISSIONED);
            case STAGED -> EnumSet.of(PLANNED, ACTIVE, FAILED, DECOMMISSIONED);
            case ACTIVE -> EnumSet.of(FAILED, DECOMMISSIONED);
            case FAILED -> EnumSet.of(STAGED, ACTIVE, DECOMMISSIONED);
            case DECOMMISSIONED -> EnumSet.noneOf(DeviceStatus.class);
        };
    }
}
