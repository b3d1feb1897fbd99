package io.ferrum.api.firmware;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.model.dcim.Platform;
import io.ferrum.model.dcim.PlatformRepository;
import io.ferrum.provisioning.firmware.FirmwareCatalogue;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which firmware intent wants: per platform, and per device as an override. A version must be in the catalogue
 * for that platform, so a run never discovers a typo on a device.
 */
@RestController
@Transactional
class DesiredFirmwareController {

    private final DeviceTypeService platforms;
    private final PlatformRepository platformRepository;
    private final DeviceService devices;
    private final FirmwareCatalogue catalogue;

    DesiredFirmwareController(DeviceTypeService platforms, PlatformRepository platformRepository,
                              DeviceService devices, FirmwareCatalogue catalogue) {
        this.platforms = platforms;
        this.platformRepository = platformRepository;
        this.devices = devices;
        this.catalogue = catalogue;
    }

    /** {@code version} null clears the desire. */
    record Desire(String version) {
    }

    record PlatformFirmware(long platformId, String platform, String desiredFirmware) {
        static PlatformFirmware of(Platform p) {
            return new PlatformFirmware(p.getId(), p.getName(), p.getDesiredFirmware());
        }
    }

    /** {@code override} is the device's own; {@code effective} what runs install (override, else the platform's). */
    record DeviceFirmware(long deviceId, String hostname, String platform, String override, String effective) {
        static DeviceFirmware of(Device d) {
            return new DeviceFirmware(d.getId(), d.getHostname(), d.getPlatform() == null ? null
                    : d.getPlatform().getName(), d.getDesiredFirmware(), d.effectiveDesiredFirmware());
        }
    }

    @GetMapping("/api/v1/platforms/{id}/desired-firmware")
    @Transactional(readOnly = true)
    PlatformFirmware platform(@PathVariable long id) {
        return PlatformFirmware.of(platformRepository.findById(id)
                .orElseThrow(() -> IntentException.notFound("id", "no platform with id " + id)));
    }

    @PutMapping("/api/v1/platforms/{id}/desired-firmware")
    PlatformFirmware desirePlatform(@PathVariable long id, @RequestBody Desire desire) {
        Platform platform = platformRepository.findById(id)
                .orElseThrow(() -> IntentException.notFound("id", "no platform with id " + id));
        requireInCatalogue(platform.getName(), desire);
        return PlatformFirmware.of(platforms.desireFirmware(id, desire.version()));
    }

    @GetMapping("/api/v1/devices/{id}/desired-firmware")
    @Transactional(readOnly = true)
    DeviceFirmware device(@PathVariable long id) {
        return DeviceFirmware.of(devices.get(id));
    }

    @PutMapping("/api/v1/devices/{id}/desired-firmware")
    DeviceFirmware desireDevice(@PathVariable long id, @RequestBody Desire desire) {
        Device device = devices.get(id);
        if (device.getPlatform() != null) {
            requireInCatalogue(device.getPlatform().getName(), desire);
        }
        return DeviceFirmware.of(devices.desireFirmware(id, desire.version()));
    }

    private void requireInCatalogue(String platform, Desire desire) {
        if (desire == null) {
            throw IntentException.invalid("version", "required: a body {\"version\": \"...\"} (null clears)");
        }
        if (desire.version() != null && catalogue.find(platform, desire.version()).isEmpty()) {
            throw IntentException.invalid("version", "the firmware catalogue has no " + platform + " image of version '"
                    + (desire.version().length() > 80 ? desire.version().substring(0, 80) + "…" : desire.version())
                    + "'; upload it first (POST /api/v1/firmware-images)");
        }
    }
}
