package io.ferrum.provisioning.killswitch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one link stands in an engage or a release. */
public enum LinkState {
    /** Asked down; not yet read back. */
    PENDING,
    /** Read oper-down after the shutdown. */
    DOWN_VERIFIED,
    /** The shutdown was accepted but the link did not read down (or could not be read) in time. */
    DOWN_UNVERIFIED,
    /** No channel could take it down: the reason says why. Retried until released or acknowledged. */
    FAILED,
    /** Released and read oper-up again. */
    UP_VERIFIED,
    /** Released (no shutdown) but not read up in time. */
    UP_UNVERIFIED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
