package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.ExchangeConnectionInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange hand-offs: one row per port of every exchange connection, with its circuit, kill-switch group and
 * our address on the link. The venue's side has no cable in intent (it is the exchange's), so this file is how the
 * device lab knows where to put a device standing for each venue, and how a cross-connect order lists circuits.
 */
public final class ExchangeHandoffsCsv implements Export {

    public static final List<String> HEADER = List.of("exchange", "circuit_id", "kill_switch_group", "device", "port",
            "address", "status");

    @Override
    public String kind() {
        return "exchange-handoffs-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "exchange-handoffs", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        Map<String, String> addressByPort = new HashMap<>();
        for (AddressInfo address : inventory.addresses()) {
            if (address.device() != null && address.port() != null) {
                addressByPort.putIfAbsent(address.device() + "\u0000" + address.port(), address.address());
            }
        }
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (ExchangeConnectionInfo connection : inventory.exchangeConnections()) {
            for (String port : connection.ports()) {
                csv.row(connection.exchange(), connection.circuitId(), connection.killSwitchGroup(),
                        connection.device(), port, addressByPort.get(connection.device() + "\u0000" + port),
                        connection.status().wire());
            }
        }
        return csv.toBytes();
    }
}
