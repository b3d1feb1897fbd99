package io.ferrum.assurance.drift;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a drift event is in its life: {@code open} when found, {@code acknowledged} when someone owns it,
 * {@code accepted} (with a reason and an expiry) when it is known and tolerated for a while, {@code reopened} when an
 * acceptance expires or a resolved drift comes back soon after, {@code resolved} when the drift is gone.
 */
public enum DriftState {
    OPEN, ACKNOWLEDGED, ACCEPTED, REOPENED, RESOLVED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DriftState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Open or reopened: nobody has taken it yet. */
    public boolean unowned() {
        return this == OPEN || this == REOPENED;
    }
}
