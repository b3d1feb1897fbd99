package io.ferrum.provisioning.driver.snmp;

import io.ferrum.provisioning.driver.Timeouts;

import java.util.Objects;

/** Entry point for SNMP: one client, with its own UDP socket and USM, per device. */
public final class SnmpDriver {

    private final Timeouts timeouts;
    private final int retries;

    /** @param retries resends per request; every request costs up to (retries + 1) x read timeout */
    public SnmpDriver(Timeouts timeouts, int retries) {
        this.timeouts = Objects.requireNonNull(timeouts);
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0");
        }
        this.retries = retries;
    }

    public SnmpClient open(SnmpTarget target) {
        return new SnmpClient(target, timeouts, retries);
    }
}
