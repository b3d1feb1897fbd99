package io.ferrum.model.dcim;

import java.util.List;

/**
 * What a caller asks a device to be. {@code rack}, {@code face} and {@code positionU} go together; a device with a
 * rack but no position is stored in the rack unmounted (e.g. zero-U).
 */
public record DeviceDraft(String site, String rack, String hostname, DeviceRole role, String deviceType,
                          String platform, String serial, String assetTag, DeviceStatus status, RackFace face,
                          Integer positionU, List<String> tags) {

    /** The draft as the model stores it: planned, front face when mounted, no tags. Shared with the planner. */
    public DeviceDraft normalized() {
        return new DeviceDraft(site, rack, hostname, role, deviceType, platform, blankToNull(serial),
                blankToNull(assetTag), status == null ? DeviceStatus.PLANNED : status,
                positionU == null ? null : face == null ? RackFace.FRONT : face, positionU, tags == null ? List.of() : tags);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The same design with another lifecycle status: a plan keeps the status operations moved the device to. */
    public DeviceDraft withStatus(DeviceStatus newStatus) {
        return new DeviceDraft(site, rack, hostname, role, deviceType, platform, serial, assetTag, newStatus, face,
                positionU, tags);
    }
}
