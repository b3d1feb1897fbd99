package io.ferrum.assurance.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;
import java.util.Locale;

/** How urgent a drift is, in Alertmanager's usual vocabulary. */
public enum Severity implements WireValue {
    MINOR, MAJOR, CRITICAL;

    @Override
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
