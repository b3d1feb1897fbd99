package io.ferrum.exporters.elevation;

import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.RackInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one rack looks like from the front and from the rear, independent of the drawing format, so the SVG
 * and the build pack draw the same thing. Zero-U devices (vertical PDUs) and devices without a position
 * are listed separately because they have no slot in the U grid, as are devices positioned outside it.
 */
public record RackElevation(RackInfo rack, List<MountedDevice> front, List<MountedDevice> rear, List<DeviceInfo> unslotted) {

    private static final Comparator<MountedDevice> TOP_DOWN =
            Comparator.comparingInt(MountedDevice::lowU).reversed()
                    .thenComparing(m -> m.device().hostname(), NaturalOrder.INSTANCE);

    public static List<RackElevation> all(SiteInventory inventory) {
        return inventory.racks().stream()
                .sorted(Comparator.comparing(RackInfo::name, NaturalOrder.INSTANCE))
                .map(rack -> of(inventory, rack))
                .toList();
    }

    public static RackElevation of(SiteInventory inventory, RackInfo rack) {
        List<MountedDevice> front = new ArrayList<>();
        List<MountedDevice> rear = new ArrayList<>();
        List<DeviceInfo> unslotted = new ArrayList<>();
        for (DeviceInfo device : inventory.devicesIn(rack.name())) {
            // a device the U grid cannot hold (zero-U, no position, or beyond the rack's height) is listed
            // instead of drawn, so a bad position never draws over the page margin or another rack
            if (device.positionU() == null || device.uHeight() <= 0 || device.positionU() < 1
                    || device.topU() > rack.heightU()) {
                unslotted.add(device);
                continue;
            }
            boolean onRear = device.face() == RackFace.REAR;
            MountedDevice own = new MountedDevice(device, device.positionU(), device.uHeight(), false);
            MountedDevice shadow = new MountedDevice(device, device.positionU(), device.uHeight(), true);
            (onRear ? rear : front).add(own);
            if (device.fullDepth()) {
                (onRear ? front : rear).add(shadow);
            }
        }
        front.sort(TOP_DOWN);
        rear.sort(TOP_DOWN);
        unslotted.sort(Comparator.comparing(DeviceInfo::hostname, NaturalOrder.INSTANCE));
        return new RackElevation(rack, List.copyOf(front), List.copyOf(rear), List.copyOf(unslotted));
    }

    public List<MountedDevice> face(RackFace face) {
        return face == RackFace.REAR ? rear : front;
    }
}
