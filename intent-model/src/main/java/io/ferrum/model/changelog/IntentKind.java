package io.ferrum.model.changelog;

import io.ferrum.model.common.WireValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of intent object, with the wire names the change log and error messages use. */
public enum IntentKind implements WireValue {
    SITE("site"),
    LOCATION("location"),
    RACK("rack"),
    MANUFACTURER("manufacturer"),
    PLATFORM("platform"),
    DEVICE_TYPE("device-type"),
    DEVICE("device"),
    PORT("port"),
    CABLE("cable"),
    VRF("vrf"),
    PREFIX("prefix"),
    IP_ADDRESS("ip-address"),
    VLAN("vlan"),
    ASN_POOL("asn-pool"),
    ASN("asn"),
    EXCHANGE("exchange"),
    EXCHANGE_CONNECTION("exchange-connection");

    private static final Map<String, IntentKind> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(IntentKind::wire, Function.identity()));

    private final String wire;

    IntentKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Empty for a wire name no kind carries (an entity added without its kind here). */
    public static Optional<IntentKind> ofWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
