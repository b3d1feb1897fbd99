package io.ferrum.assurance.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent a drift is, in Alertmanager's usual vocabulary. */
public enum Severity {
    MINOR, MAJOR, CRITICAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
