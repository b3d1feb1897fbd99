package io.ferrum.exporters.workorder;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.csv.CsvWriter;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;

/**
 * The work order as CSV, devices then cables, in the order the work is done. Through the registry (one
 * inventory) it lists the whole site as additions; use {@link #render(WorkOrder)} for a real delta.
 */
public final class WorkOrderCsv implements Export, WorkOrderRenderer {

    public static final List<String> HEADER = List.of("action", "item", "name", "before", "after", "detail");

    @Override
    public String kind() {
        return "work-order-csv";
    }

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "work-order", "csv");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        return render(WorkOrder.fromScratch(inventory));
    }

    @Override
    public byte[] render(WorkOrder order, ExportOptions options) {
        return render(order);
    }

    public byte[] render(WorkOrder order) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        WorkOrderLines.devices(order).forEach(csv::row);
        WorkOrderLines.cables(order).forEach(csv::row);
        return csv.toBytes();
    }
}
