package io.ferrum.standards.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of object a plan creates, changes or deletes, in dependency order: a kind may refer only to kinds above
 * it, so apply creates in this order and deletes in the reverse. Each constant has one {@link KindPlanner}; adding a
 * kind to the planner is a constant here plus its planner class.
 */
public enum ObjectKind {
    DEVICE_TYPE("device-type"),
    PLATFORM("platform"),
    EXCHANGE("exchange"),
    SITE("site"),
    RACK("rack"),
    PREFIX("prefix"),
    DEVICE("device"),
    CABLE("cable"),
    PREFIX_ALLOCATION("prefix-allocation"),
    ASN_POOL("asn-pool"),
    ASN("asn"),
    IP_ADDRESS("ip-address"),
    EXCHANGE_CONNECTION("exchange-connection");

    private final String wire;

    ObjectKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
