package io.ferrum.provisioning.driver.snmp;

/** IF-MIB ifAdminStatus / ifOperStatus values (1..7). */
public enum IfStatus {
    UP, DOWN, TESTING, UNKNOWN, DORMANT, NOT_PRESENT, LOWER_LAYER_DOWN;

    static IfStatus of(int value) {
        return value >= 1 && value <= values().length ? values()[value - 1] : UNKNOWN;
    }
}
