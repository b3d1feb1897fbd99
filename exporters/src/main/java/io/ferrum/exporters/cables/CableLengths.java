package io.ferrum.exporters.cables;

import java.math.BigDecimal;

/** The one spelling of cable lengths shared by CSV, XLSX, PDF and labels (part of the lab's CSV contract). */
public final class CableLengths {

    private CableLengths() {
    }

    public static String format(BigDecimal metres) {
        if (metres == null) {
            return "";
        }
        BigDecimal stripped = metres.stripTrailingZeros();
        if (stripped.scale() < 1) {
            stripped = stripped.setScale(1);
        }
        return stripped.toPlainString();
    }
}
