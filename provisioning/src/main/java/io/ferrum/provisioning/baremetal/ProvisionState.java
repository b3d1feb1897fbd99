package io.ferrum.provisioning.baremetal;

import java.util.Locale;

/**
 * Where a server is in its provisioning life, as Ironic names it: {@code enrolled → available → deploying →
 * wait-callback → verifying → active}; {@code rebuilding} is deploying over an active server, {@code deploy-failed}
 * ends a deploy that failed or timed out, {@code cleaning} (disk wipe) returns a server to {@code available}.
 */
public enum ProvisionState {
    ENROLLED, AVAILABLE, DEPLOYING, WAIT_CALLBACK, VERIFYING, ACTIVE, DEPLOY_FAILED, REBUILDING, CLEANING;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProvisionState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A deploy is under way: the server network-boots into the agent, streams, or reboots into its new OS. */
    public boolean deploying() {
        return this == DEPLOYING || this == REBUILDING || this == WAIT_CALLBACK || this == VERIFYING;
    }
}
