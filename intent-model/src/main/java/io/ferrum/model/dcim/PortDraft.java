package io.ferrum.model.dcim;

/** What may change on a port: its name and kind come from the device type and stay. */
public record PortDraft(Boolean enabled, String description, String mac, Integer speedMbps, String media) {
}
