package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hardware catalogue: device types and their manufacturers, and software platforms. */
@Service
@Transactional
public class DeviceTypeService {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]*$");

    private final DeviceTypeRepository deviceTypes;
    private final ManufacturerRepository manufacturers;
    private final PlatformRepository platforms;
    private final DeviceRepository devices;

    public DeviceTypeService(DeviceTypeRepository deviceTypes, ManufacturerRepository manufacturers,
                             PlatformRepository platforms, DeviceRepository devices) {
        this.deviceTypes = deviceTypes;
        this.manufacturers = manufacturers;
        this.platforms = platforms;
        this.devices = devices;
    }

    public DeviceType create(DeviceTypeDraft draft) {
        validate(draft);
        deviceTypes.findBySlug(draft.slug()).ifPresent(existing -> {
            throw IntentException.conflict("slug", "device type " + draft.slug() + " already exists");
        });
        DeviceType type = new DeviceType(draft.slug(), manufacturer(draft.manufacturer()), draft.model(), draft.uHeight());
        apply(type, draft);
        return deviceTypes.save(type);
    }

    /**
     * Changes a device type. Port templates apply to devices created afterwards; existing devices keep their ports,
     * as a physical device does not grow ports when a catalogue entry changes.
     */
    public DeviceType update(long id, DeviceTypeDraft draft) {
        DeviceType type = get(id);
        validate(draft);
        if (!type.getSlug().equals(draft.slug())) {
            deviceTypes.findBySlug(draft.slug()).ifPresent(existing -> {
                throw IntentException.conflict("slug", "device type " + draft.slug() + " already exists");
            });
            type.setSlug(draft.slug());
        }
        type.setManufacturer(manufacturer(draft.manufacturer()));
        type.setModel(draft.model());
        type.setUHeight(draft.uHeight());
        apply(type, draft);
        return type;
    }

    public void delete(long id) {
        DeviceType type = get(id);
        if (devices.existsByDeviceType(type)) {
            throw IntentException.conflict("id", "device type " + type.getSlug() + " is used by devices");
        }
        deviceTypes.delete(type);
    }

    @Transactional(readOnly = true)
    public DeviceType get(long id) {
        return deviceTypes.findById(id).orElseThrow(() -> IntentException.notFound("id", "no device type with id " + id));
    }

    public Platform createPlatform(String name, String osFamily) {
        new Problems().check(name != null && !name.isBlank(), "name", "is required")
                .check(osFamily != null && !osFamily.isBlank(), "osFamily", "is required, e.g. linux").throwIfAny();
        platforms.findByName(name).ifPresent(existing -> {
            throw IntentException.conflict("name", "platform " + name + " already exists");
        });
        return platforms.save(new Platform(name, osFamily));
    }

    /**
     * Sets the firmware version every device of the platform should run ({@code null} clears it). Whether the
     * version exists is the firmware catalogue's to check, before calling this.
     */
    public Platform desireFirmware(long platformId, String version) {
        Platform platform = platforms.findById(platformId)
                .orElseThrow(() -> IntentException.notFound("id", "no platform with id " + platformId));
        platform.setDesiredFirmware(FirmwareVersions.checked(version));
        return platform;
    }

    public void deletePlatform(long id) {
        Platform platform = platforms.findById(id)
                .orElseThrow(() -> IntentException.notFound("id", "no platform with id " + id));
        if (devices.existsByPlatform(platform)) {
            throw IntentException.conflict("id", "platform " + platform.getName() + " is used by devices");
        }
        platforms.delete(platform);
    }

    private Manufacturer manufacturer(String name) {
        return manufacturers.findByName(name).orElseGet(() -> manufacturers.save(new Manufacturer(name)));
    }

    private static void apply(DeviceType type, DeviceTypeDraft given) {
        DeviceTypeDraft draft = given.normalized();
        type.setFullDepth(draft.fullDepth());
        type.setTypicalPowerW(draft.typicalPowerW());
        type.setMaxPowerW(draft.maxPowerW());
        type.setPortTemplates(draft.portTemplates());
    }

    private static void validate(DeviceTypeDraft draft) {
        Problems problems = new Problems()
                .check(draft.slug() != null && SLUG.matcher(draft.slug()).matches(), "slug",
                        "expected lowercase letters, digits, '.', '_' or '-' (e.g. arista-7050sx3-48yc8)")
                .check(draft.manufacturer() != null && !draft.manufacturer().isBlank(), "manufacturer", "is required")
                .check(draft.model() != null && !draft.model().isBlank(), "model", "is required")
                .check(draft.uHeight() != null && draft.uHeight() >= 0 && draft.uHeight() <= 60, "uHeight",
                        "expected a height of 0 to 60 rack units")
                .check(draft.typicalPowerW() == null || draft.typicalPowerW() >= 0, "typicalPowerW", "must be 0 or more")
                .check(draft.maxPowerW() == null || draft.typicalPowerW() == null
                        || draft.maxPowerW() >= draft.typicalPowerW(), "maxPowerW", "must not be below typicalPowerW");
        List<PortTemplate> templates = draft.portTemplates() == null ? List.of() : draft.portTemplates();
        for (int i = 0; i < templates.size(); i++) {
            PortTemplate template = templates.get(i);
            String field = "portTemplates[" + i + "]";
            if (template == null) {
                problems.add(field, "expected a port template such as {namePattern: Ethernet[1-48], kind: data}, "
                        + "found null");
                continue;
            }
            if (template.kind() == null) {
                problems.add(field + ".kind", "is required: one of data, mgmt, console, power");
            }
            if (template.speedMbps() != null && template.speedMbps() <= 0) {
                problems.add(field + ".speedMbps", "must be positive");
            }
            try {
                PortNamePattern.expand(template.namePattern());
            } catch (IllegalArgumentException e) {
                problems.add(field + ".namePattern", e.getMessage());
            }
        }
        problems.throwIfAny();
    }
}
