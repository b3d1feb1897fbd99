package io.ferrum.model.ipam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** What a prefix is carved for. */
public enum PrefixRole implements WireValue {
    CONTAINER("container"),
    MGMT("mgmt"),
    BMC("bmc"),
    LOOPBACK("loopback"),
    P2P("p2p"),
    SERVER("server"),
    EXCHANGE("exchange"),
    WAN("wan"),
    OTHER("other");

    private final String wire;

    PrefixRole(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static PrefixRole of(String wire) {
        return WireValue.parse(PrefixRole.class, wire);
    }
}
