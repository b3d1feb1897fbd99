package io.ferrum.model.dcim;

import java.util.List;

/**
 * What a caller asks a device to be. {@code rack}, {@code face} and {@code positionU} go together; a device with a
 * rack but no position is stored in the rack unmounted (e.g. zero-U).
 */
public record DeviceDraft(String site, String rack, String hostname, DeviceRole role, String deviceType,
                          String platform, String serial, String assetTag, DeviceStatus status, RackFace face,
                          Integer positionU, List<String> tags) {
}
