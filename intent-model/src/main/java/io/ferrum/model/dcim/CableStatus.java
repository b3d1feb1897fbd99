package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** Lifecycle of a cable. */
public enum CableStatus implements WireValue {
    PLANNED("planned"),
    INSTALLED("installed"),
    VERIFIED("verified");

    private final String wire;

    CableStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CableStatus of(String wire) {
        return WireValue.parse(CableStatus.class, wire);
    }
}
