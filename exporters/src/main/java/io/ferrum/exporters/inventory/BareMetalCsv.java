package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.inventory.SiteInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's network-booting servers with their BMCs, one row each: what the device lab builds its virtual machines
 * and BMC simulators from ({@code deploy/lab/lab up --from}). BMC logins are secrets and never exported: the two
 * columns stay empty for the reader's own. {@code pxe_address} is empty too (servers take a lease from the range).
 */
public final class BareMetalCsv implements Export {

    public static final List<String> HEADER = List.of("hostname", "serial", "bmc_address", "bmc_prefix_length",
            "bmc_user", "bmc_password", "pxe_mac", "pxe_address", "pxe_prefix_length", "pxe_gateway", "disk_mb");

    @Override
    public String kind() {
        return "baremetal-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "baremetal", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        Map<String, ManagedHost> bmcs = new HashMap<>();
        for (ManagedHost host : ManagedHosts.of(inventory)) {
            bmcs.put(host.hostname(), host);
        }
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (BootHosts.BootHost host : BootHosts.of(inventory).hosts()) {
            ManagedHost bmc = bmcs.get(host.device().hostname());
            if (bmc == null || bmc.subnet() == null) {
                continue;
            }
            csv.row(host.device().hostname(), host.device().serial(), bmc.address(),
                    ManagedHosts.parse(bmc.subnet()).getPrefixLength(), "", "", host.mac(), "", host.prefixLength(),
                    host.gateway(), "");
        }
        return csv.toBytes();
    }
}
