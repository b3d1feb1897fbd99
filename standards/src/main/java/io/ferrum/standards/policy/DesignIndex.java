package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.PortNamePattern;
import io.ferrum.model.dcim.PortTemplate;
import io.ferrum.standards.desired.DesiredSite;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Lookups checks share: devices by hostname, types by slug, and each device's ports expanded from its type. */
final class DesignIndex {

    /** One port of a device, as its type's template describes it. */
    record PortSpec(String name, PortKind kind, Integer speedMbps, String media) {
    }

    private final Map<String, DeviceDraft> devices = new LinkedHashMap<>();
    private final Map<String, DeviceTypeDraft> types = new HashMap<>();
    private final Map<String, Map<String, PortSpec>> portsByType = new HashMap<>();

    DesignIndex(DesiredSite site) {
        site.deviceTypes().forEach(type -> types.put(type.slug(), type));
        site.devices().forEach(device -> devices.putIfAbsent(device.hostname(), device));
    }

    Optional<DeviceDraft> device(String hostname) {
        return Optional.ofNullable(devices.get(hostname));
    }

    Optional<DeviceTypeDraft> type(String slug) {
        return Optional.ofNullable(types.get(slug));
    }

    Optional<DeviceTypeDraft> typeOf(DeviceDraft device) {
        return type(device.deviceType());
    }

    Optional<PortSpec> port(String hostname, String port) {
        return device(hostname).flatMap(this::typeOf).map(this::ports).map(ports -> ports.get(port));
    }

    private Map<String, PortSpec> ports(DeviceTypeDraft type) {
        return portsByType.computeIfAbsent(type.slug(), slug -> {
            Map<String, PortSpec> ports = new LinkedHashMap<>();
            if (type.portTemplates() != null) {
                for (PortTemplate template : type.portTemplates()) {
                    for (String name : PortNamePattern.expand(template.namePattern())) {
                        ports.put(name, new PortSpec(name, template.kind(), template.speedMbps(), template.media()));
                    }
                }
            }
            return ports;
        });
    }
}
