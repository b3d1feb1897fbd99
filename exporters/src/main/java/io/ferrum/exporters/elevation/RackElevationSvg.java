package io.ferrum.exporters.elevation;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.RackInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rack elevations as SVG: each rack's front and rear side by side with U numbers on the left, devices as
 * boxes coloured by role and labelled with hostname, model and serial. With {@link ExportOptions#rack()}
 * set, only that rack; otherwise every rack of the site in one drawing, {@value #RACKS_PER_ROW} per row.
 */
public final class RackElevationSvg implements Export {

    static final int RACKS_PER_ROW = 8;
    private static final int U_PX = 18;
    private static final int FACE_W = 240;
    private static final int U_COL_W = 26;
    private static final int FACE_GAP = 20;
    private static final int RACK_GAP = 48;
    private static final int TITLE_H = 44;
    private static final int LEGEND_H = 30;
    private static final int NOTE_LINE_H = 14;
    private static final int MARGIN = 16;
    private static final String FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

    @Override
    public String kind() {
        return "rack-elevation-svg";
    }

    @Override
    public String contentType() {
        return "image/svg+xml; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, options.rack() == null ? "rack-elevations" : options.rack() + "-elevation", "svg");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        List<RackElevation> racks = options.rack() == null
                ? RackElevation.all(inventory)
                : List.of(RackElevation.of(inventory, inventory.rack(options.rack()).orElseThrow(
                        () -> IntentException.invalid("rack", "site " + inventory.site().code() + " has no rack '"
                                + options.rack() + "'; its racks: " + inventory.racks().stream().map(RackInfo::name)
                                .limit(20).collect(Collectors.joining(", "))))));
        return svg(inventory, racks).getBytes(StandardCharsets.UTF_8);
    }

    static int rackWidth() {
        return 2 * (U_COL_W + FACE_W) + FACE_GAP;
    }

    static int rackHeight(RackElevation rack) {
        return TITLE_H + rack.rack().heightU() * U_PX + 8 + NOTE_LINE_H * (rack.unslotted().size() + 1);
    }

    private String svg(SiteInventory inventory, List<RackElevation> racks) {
        int columns = Math.max(1, Math.min(RACKS_PER_ROW, racks.size()));
        int rows = (racks.size() + columns - 1) / columns;
        int[] rowHeights = new int[Math.max(rows, 1)];
        for (int i = 0; i < racks.size(); i++) {
            rowHeights[i / columns] = Math.max(rowHeights[i / columns], rackHeight(racks.get(i)));
        }
        int width = 2 * MARGIN + columns * rackWidth() + (columns - 1) * RACK_GAP;
        int height = 2 * MARGIN + LEGEND_H;
        for (int rowHeight : rowHeights) {
            height += rowHeight + RACK_GAP;
        }

        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"%s\" data-site=\"%s\">\n",
                width, height, width, height, FONT, SvgText.escape(inventory.site().code())));
        out.append("<title>").append(SvgText.escape("Rack elevations of " + inventory.site().code()))
                .append("</title>\n");
        out.append("<defs><pattern id=\"other-face\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9a9a9a\" stroke-width=\"2\"/></pattern></defs>\n");
        out.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height));
        legend(out, racks);

        int y = MARGIN + LEGEND_H;
        for (int i = 0; i < racks.size(); i++) {
            int column = i % columns;
            if (i > 0 && column == 0) {
                y += rowHeights[i / columns - 1] + RACK_GAP;
            }
            rack(out, racks.get(i), MARGIN + column * (rackWidth() + RACK_GAP), y);
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void legend(StringBuilder out, List<RackElevation> racks) {
        Set<DeviceRole> roles = EnumSet.noneOf(DeviceRole.class);
        racks.forEach(rack -> rack.front().forEach(m -> roles.add(m.device().role())));
        racks.forEach(rack -> rack.rear().forEach(m -> roles.add(m.device().role())));
        int x = MARGIN;
        out.append("<g class=\"legend\">\n");
        for (DeviceRole role : roles) {
            out.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#333333\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n",
                    x, MARGIN, RoleColours.fill(role), x + 18, MARGIN + 12, SvgText.escape(role.wire())));
            x += 28 + role.wire().length() * 8;
        }
        out.append("</g>\n");
    }

    private static void rack(StringBuilder out, RackElevation elevation, int x, int y) {
        RackInfo rack = elevation.rack();
        out.append(String.format(Locale.ROOT, "<g class=\"rack\" data-rack=\"%s\">\n", SvgText.escape(rack.name())));
        String title = rack.name() + (rack.location() == null || rack.location().isBlank() ? "" : " \u2014 " + rack.location());
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\">%s</text>\n",
                x, y + 16, SvgText.escape(SvgText.fit(title, rackWidth(), 16))));
        for (RackFace face : RackFace.values()) {
            int faceX = x + (face == RackFace.FRONT ? 0 : U_COL_W + FACE_W + FACE_GAP);
            face(out, elevation, face, faceX, y + TITLE_H);
        }
        int noteY = y + TITLE_H + rack.heightU() * U_PX + 8 + NOTE_LINE_H;
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333333\">%s</text>\n",
                x, noteY, SvgText.escape(SvgText.fit(rack.heightU() + "U, power budget " + rack.powerBudgetW() + " W"
                        + (elevation.unslotted().isEmpty() ? "" : "; not in the U grid:"), rackWidth(), 11))));
        for (DeviceInfo device : elevation.unslotted()) {
            noteY += NOTE_LINE_H;
            out.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" class=\"unslotted\" data-device=\"%s\">%s</text>\n",
                    x + 10, noteY, SvgText.escape(device.hostname()),
                    SvgText.escape(SvgText.fit(device.hostname() + " (" + device.model() + ", " + device.role().wire()
                            + ")", rackWidth() - 10, 11))));
        }
        out.append("</g>\n");
    }

    private static void face(StringBuilder out, RackElevation elevation, RackFace face, int x, int y) {
        int heightU = elevation.rack().heightU();
        int railX = x + U_COL_W;
        out.append(String.format(Locale.ROOT, "<g class=\"face\" data-face=\"%s\">\n", face.wire()));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\">%s</text>\n",
                railX, y - 6, face == RackFace.FRONT ? "Front" : "Rear"));
        out.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f7f7f7\" stroke=\"#333333\"/>\n",
                railX, y, FACE_W, heightU * U_PX));
        for (int u = 1; u <= heightU; u++) {
            int top = y + (heightU - u) * U_PX;
            out.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" fill=\"#555555\" class=\"u\">%d</text>"
                            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dddddd\"/>\n",
                    railX - 4, top + U_PX - 5, u, railX, top, railX + FACE_W, top));
        }
        for (MountedDevice mounted : elevation.face(face)) {
            device(out, mounted, railX, y + (heightU - mounted.highU()) * U_PX);
        }
        out.append("</g>\n");
    }

    private static void device(StringBuilder out, MountedDevice mounted, int x, int top) {
        DeviceInfo device = mounted.device();
        int height = mounted.heightU() * U_PX;
        String fill = mounted.fromOtherFace() ? "url(#other-face)" : RoleColours.fill(device.role());
        String ink = mounted.fromOtherFace() ? "#000000" : RoleColours.text(device.role());
        out.append(String.format(Locale.ROOT,
                "<g class=\"device\" data-device=\"%s\" data-role=\"%s\" data-u=\"%d\" data-height=\"%d\"%s>\n",
                SvgText.escape(device.hostname()), device.role().wire(), mounted.lowU(), mounted.heightU(),
                mounted.fromOtherFace() ? " data-other-face=\"true\"" : ""));
        out.append("<title>").append(SvgText.escape(tooltip(mounted))).append("</title>\n");
        out.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#222222\" rx=\"2\"/>\n",
                x + 1, top + 1, FACE_W - 2, height - 2, fill));
        List<String> lines = lines(mounted);
        double textWidth = FACE_W - 10;
        for (int i = 0; i < lines.size(); i++) {
            boolean first = i == 0;
            double size = first ? 10.5 : 9.5;
            out.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"%s\"%s fill=\"%s\">%s</text>\n",
                    x + 5, top + 13 + i * U_PX, first ? "10.5" : "9.5", first ? " font-weight=\"bold\"" : "", ink,
                    SvgText.escape(SvgText.fit(lines.get(i), textWidth, size))));
        }
        out.append("</g>\n");
    }

    /** One line per U: a 1U device gets everything on one line, taller ones a line per fact. */
    private static List<String> lines(MountedDevice mounted) {
        DeviceInfo device = mounted.device();
        String name = mounted.fromOtherFace() ? device.hostname() + " (other face)" : device.hostname();
        String serial = device.serial() == null || device.serial().isBlank() ? "" : "SN " + device.serial();
        if (mounted.heightU() == 1) {
            return List.of(String.join("  ", name, device.model(), serial).trim());
        }
        if (mounted.heightU() == 2 || serial.isEmpty()) {
            return List.of(name, (device.model() + "  " + serial).trim());
        }
        return List.of(name, device.manufacturer() + " " + device.model(), serial);
    }

    private static String tooltip(MountedDevice mounted) {
        DeviceInfo d = mounted.device();
        return d.hostname() + " | " + d.role().wire() + " | " + d.manufacturer() + " " + d.model()
                + " | U" + mounted.lowU() + (mounted.heightU() > 1 ? "-" + mounted.highU() : "")
                + " | " + (d.face() == null ? "" : d.face().wire()) + (d.fullDepth() ? ", full depth" : "")
                + (d.serial() == null ? "" : " | SN " + d.serial());
    }
}
