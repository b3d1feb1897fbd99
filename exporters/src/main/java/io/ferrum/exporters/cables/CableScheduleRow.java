package io.ferrum.exporters.cables;

import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import java.math.BigDecimal;

/** One cable as the installer reads it: both ends located in racks. */
public record CableScheduleRow(
        String label,
        CableEndLocation a,
        CableEndLocation b,
        CableType type,
        String colour,
        BigDecimal lengthM,
        CableStatus status) {

    /** Length as printed: at least one decimal ({@code 3.0}, {@code 2.5}, {@code 0.75}); empty when unknown. */
    public String lengthText() {
        return CableLengths.format(lengthM);
    }
}
