package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentException;
import org.springframework.stereotype.Component;

/**
 * Resolves the natural keys that requests and site definitions use (site code, rack name, device type slug,
 * hostname, port name) and names the field when one does not exist.
 */
@Component
public class DcimLookup {

    private final SiteRepository sites;
    private final RackRepository racks;
    private final DeviceTypeRepository deviceTypes;
    private final PlatformRepository platforms;
    private final ManufacturerRepository manufacturers;
    private final DeviceRepository devices;
    private final LocationRepository locations;

    public DcimLookup(SiteRepository sites, RackRepository racks, DeviceTypeRepository deviceTypes,
                      PlatformRepository platforms, ManufacturerRepository manufacturers, DeviceRepository devices,
                      LocationRepository locations) {
        this.sites = sites;
        this.racks = racks;
        this.deviceTypes = deviceTypes;
        this.platforms = platforms;
        this.manufacturers = manufacturers;
        this.devices = devices;
        this.locations = locations;
    }

    public Site site(String code, String field) {
        required(code, field, "a site code");
        return sites.findByCode(code).orElseThrow(() -> missing(field, "site '" + code + "'"));
    }

    public Rack rack(Site site, String name, String field) {
        required(name, field, "a rack name");
        return racks.findBySiteAndName(site, name)
                .orElseThrow(() -> missing(field, "rack '" + name + "' in site " + site.getCode()));
    }

    public Location location(Site site, String name, String field) {
        return locations.findBySiteAndName(site, name)
                .orElseThrow(() -> missing(field, "location '" + name + "' in site " + site.getCode()));
    }

    public DeviceType deviceType(String slug, String field) {
        required(slug, field, "a device type slug");
        return deviceTypes.findBySlug(slug).orElseThrow(() -> missing(field, "device type '" + slug + "'"));
    }

    public Platform platform(String name, String field) {
        return platforms.findByName(name).orElseThrow(() -> missing(field, "platform '" + name + "'"));
    }

    public Manufacturer manufacturer(String name, String field) {
        required(name, field, "a manufacturer name");
        return manufacturers.findByName(name).orElseThrow(() -> missing(field, "manufacturer '" + name + "'"));
    }

    public Device device(String hostname, String field) {
        required(hostname, field, "a hostname");
        return devices.findByHostname(hostname).orElseThrow(() -> missing(field, "device '" + hostname + "'"));
    }

    public Port port(String hostname, String portName, String field) {
        Device device = device(hostname, field + ".device");
        required(portName, field + ".port", "a port name");
        return device.port(portName)
                .orElseThrow(() -> missing(field + ".port", "port '" + portName + "' on " + hostname));
    }

    private static void required(String value, String field, String expected) {
        if (value == null || value.isBlank()) {
            throw IntentException.invalid(field, "is required: expected " + expected);
        }
    }

    private static IntentException missing(String field, String what) {
        return IntentException.invalid(field, what + " does not exist");
    }
}
