package io.ferrum.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/**
 * What a user may do. Roles nest: an admin can do everything, a network engineer everything a data-center engineer
 * can, and every role can read.
 */
public enum Role implements WireValue {
    VIEWER("viewer"),
    DC_ENGINEER("dc-engineer"),
    NETWORK_ENGINEER("network-engineer"),
    OPERATOR("operator"),
    ADMIN("admin");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Role of(String wire) {
        return WireValue.parse(Role.class, wire);
    }

    /** The Spring Security authority, e.g. {@code ROLE_dc-engineer}. */
    public String authority() {
        return "ROLE_" + wire;
    }

    /** The hierarchy in Spring Security's notation. */
    static String hierarchy() {
        return """
                ROLE_admin > ROLE_network-engineer
                ROLE_admin > ROLE_operator
                ROLE_network-engineer > ROLE_dc-engineer
                ROLE_dc-engineer > ROLE_viewer
                ROLE_operator > ROLE_viewer
                """;
    }
}
