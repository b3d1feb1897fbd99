package io.ferrum.provisioning.baremetal;

import java.time.Duration;

/**
 * How long each wait of a deploy may take before it fails: the agent's network boot, stream and result
 * ({@code callback}), the reboot into the installed OS and its report ({@code verify}); and how often the worker
 * looks at the server's state meanwhile ({@code poll}).
 */
public record DeployWaits(Duration callback, Duration verify, Duration poll) {

    public static final DeployWaits DEFAULTS = new DeployWaits(Duration.ofMinutes(30), Duration.ofMinutes(15),
            Duration.ofSeconds(1));

    public DeployWaits {
        for (Duration d : new Duration[] {callback, verify, poll}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("deploy waits must be positive: " + d);
            }
        }
    }
}
