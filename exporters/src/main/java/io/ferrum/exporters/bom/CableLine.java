package io.ferrum.exporters.bom;

import io.ferrum.model.dcim.CableType;
import java.math.BigDecimal;

/** Cables of one type, length and colour to order; {@code lengthM} is null for cables without a length. */
public record CableLine(CableType type, BigDecimal lengthM, String colour, int quantity) {
}
