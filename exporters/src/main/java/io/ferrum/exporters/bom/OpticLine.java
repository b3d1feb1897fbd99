package io.ferrum.exporters.bom;

/** Pluggable transceivers of one media and speed to order. */
public record OpticLine(String media, Integer speedMbps, int quantity) {
}
