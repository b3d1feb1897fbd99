package io.ferrum.model.ipam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** Lifecycle of a prefix or an address. */
public enum IpStatus implements WireValue {
    ACTIVE("active"),
    RESERVED("reserved"),
    DEPRECATED("deprecated");

    private final String wire;

    IpStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static IpStatus of(String wire) {
        return WireValue.parse(IpStatus.class, wire);
    }
}
