package io.ferrum.exporters.workorder;

import io.ferrum.model.inventory.DeviceInfo;

/** One device to add, move or remove. {@code before} is null for additions, {@code after} for removals. */
public record DeviceChange(Action action, String hostname, DeviceInfo before, DeviceInfo after) {

    public enum Action { REMOVE, MOVE, ADD }

    /** {@code r01 U12 front}, or "unracked". */
    public static String place(DeviceInfo device) {
        if (device == null) {
            return "";
        }
        if (device.rack() == null) {
            return "unracked";
        }
        return device.rack() + (device.positionU() == null ? "" : " U" + device.positionU())
                + (device.face() == null ? "" : " " + device.face().wire());
    }
}
