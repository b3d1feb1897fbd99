package io.ferrum.provisioning.driver.session;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxPerDevice   sessions one device may have open at once (1 for NETCONF, where rpcs are serial anyway)
 * @param maxTotal       sessions open across all devices, leased or idle
 * @param acquireTimeout longest a caller waits for a free slot before getting BUSY
 * @param idleTimeout    idle sessions older than this are closed instead of reused
 */
public record PoolLimits(int maxPerDevice, int maxTotal, Duration acquireTimeout, Duration idleTimeout) {

    public PoolLimits {
        if (maxPerDevice < 1 || maxTotal < 1) {
            throw new IllegalArgumentException("limits must be >= 1");
        }
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }
}
