package io.ferrum.model.inventory;

import io.ferrum.model.dcim.PortKind;

/** One port of a device. {@code speedMbps} may be null (console, power); {@code mac} may be null. */
public record PortInfo(
        String name, PortKind kind, Integer speedMbps, String media, String mac, boolean enabled, String description) {
}
