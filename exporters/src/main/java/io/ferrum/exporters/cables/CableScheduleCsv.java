package io.ferrum.exporters.cables;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;

/**
 * The cable schedule as CSV. The header is a contract with the device lab, which reads this file to
 * build its topology: add columns only at the end, never rename or reorder (docs/exports.md).
 */
public final class CableScheduleCsv implements Export {

    public static final List<String> HEADER = List.of(
            "label", "a_rack", "a_u", "a_device", "a_port", "b_rack", "b_u", "b_device", "b_port",
            "type", "colour", "length_m", "status");

    @Override
    public String kind() {
        return "cable-schedule-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "cable-schedule", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (CableScheduleRow row : CableSchedule.rows(inventory)) {
            csv.row(fields(row));
        }
        return csv.toBytes();
    }

    /** The row's values in {@link #HEADER} order, as text. */
    public static List<String> fields(CableScheduleRow row) {
        return List.of(row.label(),
                text(row.a().rack()), text(row.a().u()), row.a().device(), row.a().port(),
                text(row.b().rack()), text(row.b().u()), row.b().device(), row.b().port(),
                row.type().wire(), text(row.colour()), row.lengthText(), row.status().wire());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
