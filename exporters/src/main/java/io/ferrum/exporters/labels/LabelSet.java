package io.ferrum.exporters.labels;

import io.ferrum.exporters.cables.CableSchedule;
import io.ferrum.exporters.cables.CableScheduleRow;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels of a site: two per cable (one for each end, each naming the near end first so the installer
 * can check it where it is stuck on) in cable-schedule order, then one per device.
 */
public record LabelSet(List<Label> cableLabels, List<Label> deviceLabels) {

    public static LabelSet of(SiteInventory inventory) {
        List<Label> cables = new ArrayList<>();
        for (CableScheduleRow row : CableSchedule.rows(inventory)) {
            String spec = row.type().wire() + (row.colour() == null ? "" : " " + row.colour())
                    + (row.lengthM() == null ? "" : " " + row.lengthText() + " m");
            cables.add(new Label(row.label(), List.of("End A: " + row.a().describe(), "to B: " + row.b().describe(), spec)));
            cables.add(new Label(row.label(), List.of("End B: " + row.b().describe(), "to A: " + row.a().describe(), spec)));
        }
        List<Label> devices = new ArrayList<>();
        for (DeviceInfo device : inventory.devices()) {
            String place = device.rack() == null ? "unracked"
                    : device.rack() + (device.positionU() == null ? "" : " U" + device.positionU())
                            + (device.face() == null ? "" : " " + device.face().wire());
            List<String> details = new ArrayList<>();
            details.add(place + " \u2014 " + device.role().wire());
            details.add(device.manufacturer() + " " + device.model());
            String ids = (device.serial() == null ? "" : "SN " + device.serial())
                    + (device.assetTag() == null ? "" : "  Asset " + device.assetTag());
            details.add(ids.trim());
            devices.add(new Label(device.hostname(), details));
        }
        return new LabelSet(cables, devices);
    }
}
