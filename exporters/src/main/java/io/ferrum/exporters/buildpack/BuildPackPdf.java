package io.ferrum.exporters.buildpack;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.bom.BillOfMaterials;
import io.ferrum.exporters.bom.CableLine;
import io.ferrum.exporters.bom.DeviceLine;
import io.ferrum.exporters.bom.OpticLine;
import io.ferrum.exporters.cables.CableLengths;
import io.ferrum.exporters.cables.CableSchedule;
import io.ferrum.exporters.cables.CableScheduleRow;
import io.ferrum.exporters.elevation.RackElevation;
import io.ferrum.exporters.elevation.RackElevationPdf;
import io.ferrum.exporters.elevation.RoleColours;
import io.ferrum.exporters.pdf.PageFlow;
import io.ferrum.exporters.pdf.PdfColour;
import io.ferrum.exporters.pdf.PrintDocument;
import io.ferrum.exporters.pdf.TableColumn;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.inventory.SiteInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The printable build pack of a site: cover, one page per rack elevation, the cable schedule (landscape,
 * one section per rack of the A end), the bill of materials and install notes.
 */
public final class BuildPackPdf implements Export {

    static final List<TableColumn> CABLE_COLUMNS = List.of(
            TableColumn.left("Label", 12), TableColumn.left("A rack", 6), TableColumn.right("A U", 4),
            TableColumn.left("A device", 13), TableColumn.left("A port", 9),
            TableColumn.left("B rack", 6), TableColumn.right("B U", 4),
            TableColumn.left("B device", 13), TableColumn.left("B port", 9),
            TableColumn.left("Type", 6), TableColumn.left("Colour", 7), TableColumn.right("Length m", 6),
            TableColumn.left("Status", 7));

    @Override
    public String kind() {
        return "build-pack-pdf";
    }

    @Override
    public String contentType() {
        return "application/pdf";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "build-pack-" + options.pageSize().wire(), "pdf");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        SiteInfo site = inventory.site();
        try (PrintDocument document = new PrintDocument(options.pageSize(),
                "Build pack " + site.code() + " \u2014 " + site.name(), options.documentDate())) {
            List<RackElevation> elevations = RackElevation.all(inventory);
            cover(document, inventory, elevations);
            elevations.forEach(elevation -> RackElevationPdf.drawPage(document, elevation));
            cableSchedule(document, inventory);
            PageFlow flow = new PageFlow(document, false);
            billOfMaterials(flow, BillOfMaterials.of(inventory));
            flow.heading("Install notes", 16);
            InstallNotes.of(inventory).forEach(flow::bullet);
            flow.space(6);
            flow.table("Rack power", List.of(TableColumn.left("Rack", 10), TableColumn.right("Devices", 8),
                            TableColumn.right("Typical W", 10), TableColumn.right("Max W", 10),
                            TableColumn.right("Budget W", 10), TableColumn.left("Check", 14)),
                    RackPower.of(inventory).stream().map(RackPower::cells).toList(), 8.5f);
            return document.toBytes();
        }
    }

    private static void cover(PrintDocument document, SiteInventory inventory, List<RackElevation> elevations) {
        SiteInfo site = inventory.site();
        PageFlow flow = new PageFlow(document, false);
        flow.space(60);
        flow.heading("Build pack", 28);
        flow.heading(site.code() + " \u2014 " + site.name(), 18);
        flow.space(8);
        if (site.address() != null) {
            flow.paragraph(site.address());
        }
        flow.paragraph("Status: " + site.status().wire() + (site.timezone() == null ? "" : " \u00b7 time zone " + site.timezone()));
        flow.paragraph(inventory.racks().size() + " racks, " + inventory.devices().size() + " devices, "
                + inventory.cables().size() + " cables.");
        flow.space(12);
        flow.heading("Contents", 13);
        flow.bullet("Rack elevations: " + elevations.size() + " pages, front and rear of each rack");
        flow.bullet("Cable schedule, by rack of the A end, in the installer's walk order");
        flow.bullet("Bill of materials: devices, cables, optics");
        flow.bullet("Install notes");
        flow.space(12);
        flow.heading("Device colours", 13);
        legend(flow, inventory);
    }

    private static void legend(PageFlow flow, SiteInventory inventory) {
        Set<DeviceRole> roles = EnumSet.noneOf(DeviceRole.class);
        inventory.devices().forEach(d -> roles.add(d.role()));
        roles.forEach(role -> flow.swatch(PdfColour.hex(RoleColours.fill(role)), role.wire()));
        flow.swatch(PdfColour.WHITE, "hatched: full-depth device mounted on the other face");
    }

    private static void cableSchedule(PrintDocument document, SiteInventory inventory) {
        Map<String, List<List<String>>> byRack = new LinkedHashMap<>();
        for (CableScheduleRow row : CableSchedule.rows(inventory)) {
            byRack.computeIfAbsent(Objects.toString(row.a().rack(), "unracked"), k -> new ArrayList<>()).add(cells(row));
        }
        if (byRack.isEmpty()) {
            byRack.put("all racks", List.of());
        }
        PageFlow flow = null;
        for (Map.Entry<String, List<List<String>>> section : byRack.entrySet()) {
            if (flow == null) {
                flow = new PageFlow(document, true);
            } else {
                flow.newPage();
            }
            flow.table("Cable schedule \u2014 rack " + section.getKey() + " (" + section.getValue().size() + " cables)",
                    CABLE_COLUMNS, section.getValue(), 7.5f);
        }
    }

    static List<String> cells(CableScheduleRow row) {
        return List.of(row.label(),
                Objects.toString(row.a().rack(), ""), Objects.toString(row.a().u(), ""), row.a().device(), row.a().port(),
                Objects.toString(row.b().rack(), ""), Objects.toString(row.b().u(), ""), row.b().device(), row.b().port(),
                row.type().wire(), Objects.toString(row.colour(), ""), CableLengths.format(row.lengthM()),
                row.status().wire());
    }

    private static void billOfMaterials(PageFlow flow, BillOfMaterials bom) {
        flow.heading("Bill of materials", 16);
        flow.table("Devices", List.of(TableColumn.left("Manufacturer", 14), TableColumn.left("Model", 18),
                        TableColumn.left("Device type", 18), TableColumn.right("U", 4),
                        TableColumn.right("Typical W", 7), TableColumn.right("Qty", 6)),
                bom.devices().stream().map(BuildPackPdf::cells).toList(), 8.5f);
        flow.table("Cables", List.of(TableColumn.left("Type", 10), TableColumn.right("Length m", 10),
                        TableColumn.left("Colour", 14), TableColumn.right("Qty", 8)),
                bom.cables().stream().map(BuildPackPdf::cells).toList(), 8.5f);
        flow.table("Optics (one per end of every fibre cable)", List.of(TableColumn.left("Media", 20),
                        TableColumn.right("Speed Mb/s", 10), TableColumn.right("Qty", 8)),
                bom.optics().stream().map(BuildPackPdf::cells).toList(), 8.5f);
    }

    private static List<String> cells(DeviceLine line) {
        return List.of(Objects.toString(line.manufacturer(), ""), Objects.toString(line.model(), ""),
                Objects.toString(line.deviceType(), ""), Integer.toString(line.uHeight()),
                Integer.toString(line.typicalPowerW()), Integer.toString(line.quantity()));
    }

    private static List<String> cells(CableLine line) {
        return List.of(line.type().wire(), CableLengths.format(line.lengthM()), line.colour(),
                Integer.toString(line.quantity()));
    }

    private static List<String> cells(OpticLine line) {
        return List.of(line.media(), Objects.toString(line.speedMbps(), ""), Integer.toString(line.quantity()));
    }
}
