package io.ferrum.model.dcim;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Ports a device type has, as a name pattern: {@code Ethernet[1-48]} stands for Ethernet1 … Ethernet48.
 * {@code speedMbps} is null for console and power ports.
 */
@Embeddable
public record PortTemplate(
        @Column(name = "name_pattern", nullable = false) String namePattern,
        @Column(nullable = false) PortKind kind,
        @Column(name = "speed_mbps") Integer speedMbps,
        String media) {
}
