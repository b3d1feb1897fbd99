package io.ferrum.exporters.workorder;

import io.ferrum.exporters.cables.CableScheduleRow;
import io.ferrum.model.inventory.DeviceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The work order flattened to lines (action, item, name, before, after, detail), shared by the CSV and the PDF. */
final class WorkOrderLines {

    private WorkOrderLines() {
    }

    static List<List<String>> devices(WorkOrder order) {
        List<List<String>> lines = new ArrayList<>();
        for (DeviceChange change : order.devices()) {
            DeviceInfo device = change.after() != null ? change.after() : change.before();
            lines.add(List.of(change.action().name().toLowerCase(Locale.ROOT), "device", change.hostname(),
                    DeviceChange.place(change.before()), DeviceChange.place(change.after()),
                    device.role().wire() + ", " + device.manufacturer() + " " + device.model()
                            + (device.serial() == null ? "" : ", SN " + device.serial())));
        }
        return lines;
    }

    static List<List<String>> cables(WorkOrder order) {
        List<List<String>> lines = new ArrayList<>();
        for (CableChange change : order.cables()) {
            CableScheduleRow row = change.worked();
            lines.add(List.of(change.action().name().toLowerCase(Locale.ROOT), "cable", change.label(),
                    ends(change.before()), ends(change.after()),
                    row.type().wire() + (row.colour() == null ? "" : " " + row.colour())
                            + (row.lengthM() == null ? "" : " " + row.lengthText() + " m")));
        }
        return lines;
    }

    static String ends(CableScheduleRow row) {
        return row == null ? "" : row.a().describe() + " \u2194 " + row.b().describe();
    }
}
