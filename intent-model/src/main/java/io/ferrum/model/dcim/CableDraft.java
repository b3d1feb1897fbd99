package io.ferrum.model.dcim;

import java.math.BigDecimal;
import java.util.List;

/** A cable between two ports, each named by hostname and port name. */
public record CableDraft(String label, End a, End b, CableType type, String colour, BigDecimal lengthM,
                         CableStatus status, List<String> tags) {

    /** One end: a device's port. */
    public record End(String device, String port) {
    }

    /** The same design with another lifecycle status: a plan keeps the status the installers moved the cable to. */
    public CableDraft withStatus(CableStatus newStatus) {
        return new CableDraft(label, a, b, type, colour, lengthM, newStatus, tags);
    }
}
