package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** Lifecycle of a site. */
public enum SiteStatus implements WireValue {
    PLANNED("planned"),
    ACTIVE("active"),
    DECOMMISSIONING("decommissioning");

    private final String wire;

    SiteStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static SiteStatus of(String wire) {
        return WireValue.parse(SiteStatus.class, wire);
    }
}
