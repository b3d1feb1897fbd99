package io.ferrum.exporters.bom;

/** Devices of one type to order. */
public record DeviceLine(String manufacturer, String model, String deviceType, int uHeight, int typicalPowerW, int quantity) {
}
