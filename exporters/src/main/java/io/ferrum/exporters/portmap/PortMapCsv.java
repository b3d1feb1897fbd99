package io.ferrum.exporters.portmap;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The port map: every port of every device (devices in inventory order, ports in natural order) with the
 * cable and far end patched into it, so an engineer at one device sees what each port connects to.
 * {@link ExportOptions#rack()} restricts it to one rack.
 */
public final class PortMapCsv implements Export {

    public static final List<String> HEADER = List.of("device", "rack", "u", "port", "kind", "speed_mbps", "media",
            "mac", "enabled", "cable", "peer_device", "peer_port", "description");

    @Override
    public String kind() {
        return "port-map-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, options.rack() == null ? "port-map" : options.rack() + "-port-map", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        Map<String, Patch> patches = patches(inventory);
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (DeviceInfo device : inventory.devices()) {
            if (options.rack() != null && !options.rack().equals(device.rack())) {
                continue;
            }
            List<PortInfo> ports = device.ports().stream()
                    .sorted(Comparator.comparing(PortInfo::name, NaturalOrder.INSTANCE)).toList();
            for (PortInfo port : ports) {
                Patch patch = patches.get(device.hostname() + "\u0000" + port.name());
                csv.row(device.hostname(), device.rack(), device.positionU(), port.name(), port.kind().wire(),
                        port.speedMbps(), port.media(), port.mac(), port.enabled(),
                        patch == null ? null : patch.cable(), patch == null ? null : patch.peer().device(),
                        patch == null ? null : patch.peer().port(), port.description());
            }
        }
        return csv.toBytes();
    }

    private record Patch(String cable, CableInfo.CableEnd peer) {
    }

    private static Map<String, Patch> patches(SiteInventory inventory) {
        Map<String, Patch> patches = new HashMap<>();
        for (CableInfo cable : inventory.cables()) {
            patches.put(key(cable.a()), new Patch(cable.label(), cable.b()));
            patches.put(key(cable.b()), new Patch(cable.label(), cable.a()));
        }
        return patches;
    }

    private static String key(CableInfo.CableEnd end) {
        return Objects.requireNonNull(end.device()) + "\u0000" + end.port();
    }
}
