package io.ferrum.provisioning.driver.ipmi;

import java.time.Duration;

/**
 * ipmitool's own per-message timeout ({@code -N}, seconds) and tries ({@code -R}), chosen so that a BMC that never
 * answers fails inside the connect timeout.
 *
 * <p>Measured with ipmitool 1.8.19 against a silent UDP port: lanplus waits N, N+1, … N+R-1 seconds for the R tries of
 * Get Channel Authentication Capabilities, and does that twice before it reports "Unable to establish IPMI v2 / RMCP+
 * session". So a dead BMC costs 2 · Σ(N+i) seconds: 2 s for N=1 R=1, 6 s for R=2, 12 s for R=3, 20 s for R=4
 * ({@code -R 0} means ipmitool's default of 4). Whole seconds only, so 2 s is the floor.
 */
record SessionRetries(int timeoutSeconds, int tries) {

    static final int MAX_TRIES = 4;

    /** One-second waits and as many tries as fit in {@code connect} (at least one). */
    static SessionRetries within(Duration connect) {
        int tries = 1;
        while (tries < MAX_TRIES && new SessionRetries(1, tries + 1).unreachableAfter().compareTo(connect) <= 0) {
            tries++;
        }
        return new SessionRetries(1, tries);
    }

    /** How long ipmitool takes to give up on a BMC that never answers. */
    Duration unreachableAfter() {
        int seconds = 0;
        for (int i = 0; i < tries; i++) {
            seconds += timeoutSeconds + i;
        }
        return Duration.ofSeconds(2L * seconds);
    }
}
