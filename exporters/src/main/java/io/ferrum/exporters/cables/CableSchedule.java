package io.ferrum.exporters.cables;

import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cable list in the installer's walk: by the A end's rack, then its U (bottom up), then device and
 * port, so that one pass down the aisle patches everything. Cables whose A end is unracked come last.
 */
public final class CableSchedule {

    public static final Comparator<CableEndLocation> WALK_ORDER = Comparator
            .comparing(CableEndLocation::rack, NaturalOrder.NULLS_LAST)
            .thenComparing(CableEndLocation::u, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(CableEndLocation::device, NaturalOrder.INSTANCE)
            .thenComparing(CableEndLocation::port, NaturalOrder.INSTANCE);

    public static final Comparator<CableScheduleRow> ROW_ORDER = Comparator
            .comparing(CableScheduleRow::a, WALK_ORDER)
            .thenComparing(CableScheduleRow::label, NaturalOrder.INSTANCE);

    private CableSchedule() {
    }

    public static List<CableScheduleRow> rows(SiteInventory inventory) {
        return rows(inventory, inventory.cables());
    }

    /** Rows for a subset of the inventory's cables (work orders use this), in walk order. */
    public static List<CableScheduleRow> rows(SiteInventory inventory, List<CableInfo> cables) {
        Map<String, DeviceInfo> devices = devicesByName(inventory);
        return cables.stream()
                .map(cable -> new CableScheduleRow(cable.label(), locate(devices, cable.a()), locate(devices, cable.b()),
                        cable.type(), cable.colour(), cable.lengthM(), cable.status()))
                .sorted(ROW_ORDER)
                .toList();
    }

    public static Map<String, DeviceInfo> devicesByName(SiteInventory inventory) {
        Map<String, DeviceInfo> devices = new HashMap<>();
        inventory.devices().forEach(device -> devices.put(device.hostname(), device));
        return devices;
    }

    public static CableEndLocation locate(Map<String, DeviceInfo> devices, CableInfo.CableEnd end) {
        DeviceInfo device = devices.get(end.device());
        String rack = device == null ? null : device.rack();
        Integer u = device == null ? null : device.positionU();
        return new CableEndLocation(rack, u, end.device(), end.port());
    }
}
