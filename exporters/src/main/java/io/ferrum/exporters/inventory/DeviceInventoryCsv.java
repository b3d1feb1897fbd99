package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The device inventory: one row per device with what a tool needs to reach and recognise it — hostname, role,
 * platform, serial, the management address with its mask length and the port holding it, and the ports of its
 * management protocols. The device lab builds its devices from this file (each with its intended hostname, serial
 * and address), and so can any outside tool that must find the devices Ferrum intends.
 */
public final class DeviceInventoryCsv implements Export {

    public static final List<String> HEADER = List.of("hostname", "role", "rack", "position_u", "manufacturer",
            "model", "platform", "serial", "status", "mgmt_address", "mgmt_port", "mgmt_mac", "ssh_port",
            "netconf_port", "snmp_port");

    @Override
    public String kind() {
        return "device-inventory-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "device-inventory", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        Map<String, ManagedHost> managed = new HashMap<>();
        ManagedHosts.of(inventory).forEach(h -> managed.put(h.hostname(), h));
        Map<String, AddressInfo> addresses = new HashMap<>();
        for (AddressInfo address : inventory.addresses()) {
            if (address.device() != null) {
                addresses.putIfAbsent(address.device() + "\u0000" + address.host(), address);
            }
        }
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (DeviceInfo device : inventory.devices()) {
            if (options.rack() != null && !options.rack().equals(device.rack())) {
                continue;
            }
            ManagedHost host = managed.get(device.hostname());
            AddressInfo address = host == null ? null : addresses.get(device.hostname() + "\u0000" + host.address());
            ManagementPorts ports = ManagementPorts.STANDARD;
            csv.row(device.hostname(), device.role().wire(), device.rack(), device.positionU(), device.manufacturer(),
                    device.model(), device.platform(), device.serial(), device.status().wire(),
                    host == null ? null : withLength(host), address == null ? null : address.port(),
                    host == null ? null : host.mac(), host == null ? null : ports.ssh(),
                    host == null ? null : ports.netconf(), host == null ? null : ports.snmp());
        }
        return csv.toBytes();
    }

    /** The address in CIDR form, so a consumer knows the subnet without asking for the prefixes. */
    private static String withLength(ManagedHost host) {
        if (host.subnet() == null) {
            return host.address();
        }
        return host.address() + host.subnet().substring(host.subnet().indexOf('/'));
    }
}
