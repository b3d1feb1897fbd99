package io.ferrum.exporters.workorder;

import io.ferrum.exporters.cables.CableSchedule;
import io.ferrum.exporters.cables.CableScheduleRow;
import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The physical delta between two revisions of a site's intent. Devices are matched by hostname and cables
 * by label (the label is what is printed on the cable). Changes are ordered the way they are carried out:
 * removals first (they free ports and units), then moves and re-patches, then additions; within each, in
 * the installer's walk (rack, then U).
 */
public record WorkOrder(SiteInventory before, SiteInventory after, List<DeviceChange> devices, List<CableChange> cables) {

    public static WorkOrder between(SiteInventory before, SiteInventory after) {
        return new WorkOrder(before, after, deviceChanges(before, after), cableChanges(before, after));
    }

    /** Everything in {@code site} as additions: the work order of building it from an empty room. */
    public static WorkOrder fromScratch(SiteInventory site) {
        return between(empty(site), site);
    }

    public static SiteInventory empty(SiteInventory site) {
        return new SiteInventory(site.site(), site.racks(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return devices.isEmpty() && cables.isEmpty();
    }

    public long count(DeviceChange.Action action) {
        return devices.stream().filter(c -> c.action() == action).count();
    }

    public long count(CableChange.Action action) {
        return cables.stream().filter(c -> c.action() == action).count();
    }

    private static List<DeviceChange> deviceChanges(SiteInventory before, SiteInventory after) {
        Map<String, DeviceInfo> old = byName(before.devices());
        Map<String, DeviceInfo> now = byName(after.devices());
        List<DeviceChange> changes = new ArrayList<>();
        old.forEach((name, device) -> {
            if (!now.containsKey(name)) {
                changes.add(new DeviceChange(DeviceChange.Action.REMOVE, name, device, null));
            }
        });
        now.forEach((name, device) -> {
            DeviceInfo previous = old.get(name);
            if (previous == null) {
                changes.add(new DeviceChange(DeviceChange.Action.ADD, name, null, device));
            } else if (!Objects.equals(previous.rack(), device.rack())
                    || !Objects.equals(previous.positionU(), device.positionU())
                    || previous.face() != device.face()) {
                changes.add(new DeviceChange(DeviceChange.Action.MOVE, name, previous, device));
            }
        });
        changes.sort(Comparator.comparing(DeviceChange::action)
                .thenComparing(c -> c.after() != null ? c.after() : c.before(), DEVICE_WALK));
        return List.copyOf(changes);
    }

    private static final Comparator<DeviceInfo> DEVICE_WALK = Comparator
            .comparing(DeviceInfo::rack, NaturalOrder.NULLS_LAST)
            .thenComparing(DeviceInfo::positionU, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(DeviceInfo::hostname, NaturalOrder.INSTANCE);

    private static List<CableChange> cableChanges(SiteInventory before, SiteInventory after) {
        Map<String, CableScheduleRow> old = byLabel(CableSchedule.rows(before));
        Map<String, CableScheduleRow> now = byLabel(CableSchedule.rows(after));
        List<CableChange> changes = new ArrayList<>();
        old.forEach((label, row) -> {
            if (!now.containsKey(label)) {
                changes.add(new CableChange(CableChange.Action.REMOVE, label, row, null));
            }
        });
        now.forEach((label, row) -> {
            CableScheduleRow previous = old.get(label);
            if (previous == null) {
                changes.add(new CableChange(CableChange.Action.ADD, label, null, row));
            } else if (!sameEnds(previous, row)) {
                changes.add(new CableChange(CableChange.Action.REPATCH, label, previous, row));
            } else if (previous.type() != row.type() || !Objects.equals(previous.colour(), row.colour())
                    || !sameLength(previous, row)) {
                changes.add(new CableChange(CableChange.Action.REPLACE, label, previous, row));
            }
        });
        changes.sort(Comparator.comparing(CableChange::action)
                .thenComparing(CableChange::worked, CableSchedule.ROW_ORDER));
        return List.copyOf(changes);
    }

    /** Ports only: a device moving to another U does not re-patch its cables, the device move covers it. */
    private static boolean sameEnds(CableScheduleRow a, CableScheduleRow b) {
        return a.a().device().equals(b.a().device()) && a.a().port().equals(b.a().port())
                && a.b().device().equals(b.b().device()) && a.b().port().equals(b.b().port());
    }

    private static boolean sameLength(CableScheduleRow a, CableScheduleRow b) {
        return a.lengthM() == null ? b.lengthM() == null : b.lengthM() != null && a.lengthM().compareTo(b.lengthM()) == 0;
    }

    private static Map<String, DeviceInfo> byName(List<DeviceInfo> devices) {
        Map<String, DeviceInfo> map = new LinkedHashMap<>();
        devices.forEach(d -> map.put(d.hostname(), d));
        return map;
    }

    private static Map<String, CableScheduleRow> byLabel(List<CableScheduleRow> rows) {
        Map<String, CableScheduleRow> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.label(), r));
        return map;
    }
}
