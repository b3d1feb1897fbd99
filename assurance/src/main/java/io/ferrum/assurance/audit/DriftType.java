package io.ferrum.assurance.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of difference between reality and intent, each with the severity ops see it at. */
public enum DriftType {
    UNREACHABLE("unreachable", Severity.MAJOR),
    HOSTNAME("hostname", Severity.MINOR),
    SERIAL("serial", Severity.MAJOR),
    CABLING_MISSING("cabling-missing", Severity.MAJOR),
    CABLING_UNEXPECTED("cabling-unexpected", Severity.MINOR),
    CABLING_MISWIRED("cabling-miswired", Severity.MAJOR),
    PORT_STATE("port-state", Severity.MAJOR),
    /** An exchange link the kill switch took down is up again: the one drift that is always critical. */
    KILLED_LINK_UP("killed-link-up", Severity.CRITICAL),
    CONFIG("config", Severity.MINOR),
    FIRMWARE("firmware", Severity.MINOR),
    IP("ip", Severity.MAJOR);

    private final String wire;
    private final Severity severity;

    DriftType(String wire, Severity severity) {
        this.wire = wire;
        this.severity = severity;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public Severity severity() {
        return severity;
    }
}
