package io.ferrum.model.inventory;

import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import java.math.BigDecimal;

/** One cable between two ports; the label is printed on both ends. */
public record CableInfo(
        String label, CableEnd a, CableEnd b, CableType type, String colour, BigDecimal lengthM, CableStatus status) {

    /** One end of a cable: a device's port. */
    public record CableEnd(String device, String port) {
        @Override
        public String toString() {
            return device + ":" + port;
        }
    }
}
