package io.ferrum.exporters.bom;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.cables.CableLengths;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;

/** The bill of materials as one CSV: device, cable and optic lines told apart by {@code category}. */
public final class BomCsv implements Export {

    public static final List<String> HEADER = List.of(
            "category", "manufacturer", "model", "type", "length_m", "colour", "speed_mbps", "quantity");

    @Override
    public String kind() {
        return "bom-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "bom", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        BillOfMaterials bom = BillOfMaterials.of(inventory);
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (DeviceLine line : bom.devices()) {
            csv.row("device", line.manufacturer(), line.model(), line.deviceType(), "", "", "", line.quantity());
        }
        for (CableLine line : bom.cables()) {
            csv.row("cable", "", "", line.type().wire(), CableLengths.format(line.lengthM()), line.colour(), "",
                    line.quantity());
        }
        for (OpticLine line : bom.optics()) {
            csv.row("optic", "", line.media(), "", "", "", line.speedMbps(), line.quantity());
        }
        return csv.toBytes();
    }
}
