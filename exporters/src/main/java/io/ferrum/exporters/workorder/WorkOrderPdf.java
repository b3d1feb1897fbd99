package io.ferrum.exporters.workorder;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.pdf.PageFlow;
import io.ferrum.exporters.pdf.PrintDocument;
import io.ferrum.exporters.pdf.TableColumn;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;
import java.util.Locale;

/**
 * The printable work order: a summary, then device and cable tables with before and after positions, so
 * engineers build only the delta. Through the registry (one inventory) it treats the site as built from an
 * empty room; call {@link #render(WorkOrder, ExportOptions)} with {@link WorkOrder#between} for a change.
 */
public final class WorkOrderPdf implements Export, WorkOrderRenderer {

    private static final List<TableColumn> COLUMNS = List.of(
            TableColumn.left("Action", 5), TableColumn.left("Name", 10), TableColumn.left("Before", 24),
            TableColumn.left("After", 24), TableColumn.left("Detail", 25), TableColumn.left("Done", 3));

    @Override
    public String kind() {
        return "work-order-pdf";
    }

    @Override
    public String contentType() {
        return "application/pdf";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "work-order-" + options.pageSize().wire(), "pdf");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        return render(WorkOrder.fromScratch(inventory), options);
    }

    @Override
    public byte[] render(WorkOrder order, ExportOptions options) {
        String site = order.after().site().code();
        try (PrintDocument document = new PrintDocument(options.pageSize(), "Work order " + site, options.documentDate())) {
            PageFlow flow = new PageFlow(document, true);
            flow.heading("Work order \u2014 " + site + " \u2014 " + order.after().site().name(), 18);
            flow.paragraph(String.format(Locale.ROOT,
                    "Devices: %d to remove, %d to move, %d to add. Cables: %d to remove, %d to re-patch, %d to replace, "
                            + "%d to add.",
                    order.count(DeviceChange.Action.REMOVE), order.count(DeviceChange.Action.MOVE),
                    order.count(DeviceChange.Action.ADD), order.count(CableChange.Action.REMOVE),
                    order.count(CableChange.Action.REPATCH), order.count(CableChange.Action.REPLACE),
                    order.count(CableChange.Action.ADD)));
            flow.paragraph(order.isEmpty() ? "Nothing to do: both revisions describe the same physical build."
                    : "Work top to bottom: removals free units and ports for what follows. Tick each line when done.");
            flow.table("Devices", COLUMNS, withTickBox(WorkOrderLines.devices(order)), 7.5f);
            flow.table("Cables", COLUMNS, withTickBox(WorkOrderLines.cables(order)), 7.5f);
            return document.toBytes();
        }
    }

    /** Drops the CSV's item column (the table says it) and adds an empty box to tick. */
    private static List<List<String>> withTickBox(List<List<String>> lines) {
        return lines.stream().map(line -> List.of(line.get(0), line.get(2), line.get(3), line.get(4), line.get(5),
                "\u2610")).toList();
    }
}
