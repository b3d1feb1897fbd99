package io.ferrum.exporters.buildpack;

import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The build pack's closing notes: the fixed working rules, then what the intent itself says needs care
 * (racks near or over their power budget, devices without a slot, cables still to install).
 */
public final class InstallNotes {

    static final List<String> RULES = List.of(
            "Work rack by rack in the order of the cable schedule; rows are sorted by rack and U of the A end.",
            "Label both ends of every cable before patching it; labels read the same at both ends.",
            "Mount devices at the U shown on the elevation; U1 is the bottom unit. Hatched boxes are full-depth "
                    + "devices mounted on the other face.",
            "Patch into the exact port named; report any mismatch instead of using a neighbouring port.",
            "Mark each cable as installed in Ferrum when it is patched; the device lab reads the same schedule.");

    private InstallNotes() {
    }

    public static List<String> of(SiteInventory inventory) {
        List<String> notes = new ArrayList<>(RULES);
        long overBudget = RackPower.of(inventory).stream().filter(RackPower::overBudget).count();
        if (overBudget > 0) {
            notes.add(overBudget + " rack(s) can draw more than their power budget at full load (see Rack power); "
                    + "check PDU breakers before powering everything on.");
        }
        List<String> unracked = inventory.devices().stream()
                .filter(d -> d.rack() == null)
                .map(DeviceInfo::hostname).sorted(NaturalOrder.INSTANCE).toList();
        if (!unracked.isEmpty()) {
            notes.add("Not in any rack: " + String.join(", ", unracked) + ".");
        }
        long planned = inventory.devices().stream().filter(d -> d.status() == DeviceStatus.PLANNED).count();
        long toInstall = inventory.cables().stream().filter(c -> c.status() == CableStatus.PLANNED).count();
        notes.add(String.format(Locale.ROOT, "%d of %d devices and %d of %d cables are still planned (not installed).",
                planned, inventory.devices().size(), toInstall, inventory.cables().size()));
        return notes;
    }
}
