package io.ferrum.exporters.elevation;

import io.ferrum.model.inventory.DeviceInfo;

/**
 * A device as seen on one face of a rack. {@code fromOtherFace} marks a full-depth device mounted on the
 * opposite face: it still blocks these units, so it is drawn (hatched) on both faces, as NetBox does.
 */
public record MountedDevice(DeviceInfo device, int lowU, int heightU, boolean fromOtherFace) {

    public int highU() {
        return lowU + heightU - 1;
    }
}
