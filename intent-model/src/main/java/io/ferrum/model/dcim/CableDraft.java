package io.ferrum.model.dcim;

import java.math.BigDecimal;
import java.util.List;

/** A cable between two ports, each named by hostname and port name. */
public record CableDraft(String label, End a, End b, CableType type, String colour, BigDecimal lengthM,
                         CableStatus status, List<String> tags) {

    /** One end: a device's port. */
    public record End(String device, String port) {
    }
}
