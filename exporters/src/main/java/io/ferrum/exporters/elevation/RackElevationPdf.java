package io.ferrum.exporters.elevation;

import io.ferrum.exporters.pdf.PageCanvas;
import io.ferrum.exporters.pdf.PdfColour;
import io.ferrum.exporters.pdf.PdfFont;
import io.ferrum.exporters.pdf.PrintDocument;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.inventory.DeviceInfo;
import java.util.List;

/** Draws one rack's front and rear on a portrait page, scaled so the whole rack fits the page height. */
public final class RackElevationPdf {

    private static final float TITLE_H = 46f;
    private static final float U_COL_W = 18f;
    private static final float FACE_GAP = 16f;
    private static final float MAX_U_PT = 16f;
    private static final int MAX_LISTED = 12;
    private static final PdfColour HATCH = new PdfColour(0.6f, 0.6f, 0.6f);

    private RackElevationPdf() {
    }

    public static void drawPage(PrintDocument document, RackElevation elevation) {
        PageCanvas canvas = document.newPage(false);
        float left = canvas.margin();
        float top = canvas.margin();
        String title = "Rack " + elevation.rack().name()
                + (elevation.rack().location() == null ? "" : " \u2014 " + elevation.rack().location());
        canvas.fittedText(left, top + 14, document.bold(), 14, PdfColour.BLACK, title, canvas.contentWidth());
        canvas.fittedText(left, top + 27, document.regular(), 8, PdfColour.GREY,
                elevation.rack().heightU() + "U, power budget " + elevation.rack().powerBudgetW() + " W, profile "
                        + elevation.rack().profile(), canvas.contentWidth());

        int heightU = Math.max(elevation.rack().heightU(), 1);
        // the U grid keeps most of the page: long lists of unslotted devices are cut, with a count
        List<DeviceInfo> listed = elevation.unslotted().subList(0, Math.min(MAX_LISTED, elevation.unslotted().size()));
        int unlisted = elevation.unslotted().size() - listed.size();
        float notesH = listed.isEmpty() ? 0 : 12 + 10 * (listed.size() + (unlisted > 0 ? 1 : 0));
        float available = canvas.contentBottom() - top - TITLE_H - 8 - notesH;
        float uPt = Math.min(MAX_U_PT, available / heightU);
        float faceW = (canvas.contentWidth() - FACE_GAP - 2 * U_COL_W) / 2;
        for (RackFace face : RackFace.values()) {
            float x = left + (face == RackFace.FRONT ? 0 : U_COL_W + faceW + FACE_GAP);
            drawFace(document, canvas, elevation, face, x, top + TITLE_H, faceW, uPt);
        }
        float y = top + TITLE_H + heightU * uPt + 14;
        if (!elevation.unslotted().isEmpty()) {
            canvas.text(left, y, document.bold(), 8, PdfColour.BLACK, "Not in the U grid (zero-U or no position):");
            for (DeviceInfo device : listed) {
                y += 10;
                canvas.fittedText(left + 8, y, document.regular(), 8, PdfColour.BLACK,
                        device.hostname() + " \u2014 " + device.role().wire() + ", " + device.manufacturer() + " "
                                + device.model() + (device.serial() == null ? "" : ", SN " + device.serial()),
                        canvas.contentWidth() - 8);
            }
            if (unlisted > 0) {
                y += 10;
                canvas.text(left + 8, y, document.regular(), 8, PdfColour.BLACK,
                        "\u2026 and " + unlisted + " more (see the bill of materials and the labels)");
            }
        }
    }

    private static void drawFace(PrintDocument document, PageCanvas canvas, RackElevation elevation, RackFace face,
                                 float x, float top, float faceW, float uPt) {
        int heightU = elevation.rack().heightU();
        float railX = x + U_COL_W;
        canvas.text(railX, top - 5, document.bold(), 9, PdfColour.BLACK, face == RackFace.FRONT ? "Front" : "Rear");
        canvas.fillRect(railX, top, faceW, heightU * uPt, new PdfColour(0.97f, 0.97f, 0.97f));
        float numberSize = Math.min(7f, uPt * 0.7f);
        for (int u = 1; u <= heightU; u++) {
            float uTop = top + (heightU - u) * uPt;
            String number = Integer.toString(u);
            canvas.text(railX - 3 - document.regular().width(number, numberSize), uTop + uPt / 2 + numberSize * 0.35f,
                    document.regular(), numberSize, PdfColour.GREY, number);
            canvas.line(railX, uTop, railX + faceW, uTop, PdfColour.LIGHT_GREY, 0.3f);
        }
        for (MountedDevice mounted : elevation.face(face)) {
            drawDevice(document, canvas, mounted, railX, top + (heightU - mounted.highU()) * uPt, faceW,
                    mounted.heightU() * uPt);
        }
        canvas.strokeRect(railX, top, faceW, heightU * uPt, PdfColour.BLACK, 0.8f);
    }

    private static void drawDevice(PrintDocument document, PageCanvas canvas, MountedDevice mounted, float x, float top,
                                   float w, float h) {
        DeviceInfo device = mounted.device();
        PdfColour ink;
        if (mounted.fromOtherFace()) {
            canvas.fillRect(x + 0.5f, top + 0.5f, w - 1, h - 1, PdfColour.WHITE);
            // diagonal hatching marks a full-depth device seen from its back
            canvas.hatch(x + 0.5f, top + 0.5f, w - 1, h - 1, HATCH);
            ink = PdfColour.BLACK;
        } else {
            canvas.fillRect(x + 0.5f, top + 0.5f, w - 1, h - 1, PdfColour.hex(RoleColours.fill(device.role())));
            ink = PdfColour.hex(RoleColours.text(device.role()));
        }
        canvas.strokeRect(x + 0.5f, top + 0.5f, w - 1, h - 1, PdfColour.BLACK, 0.5f);

        PdfFont bold = document.bold();
        PdfFont regular = document.regular();
        float size = Math.min(7.5f, h * 0.55f);
        String name = mounted.fromOtherFace() ? device.hostname() + " (other face)" : device.hostname();
        String serial = device.serial() == null || device.serial().isBlank() ? "" : "SN " + device.serial();
        float textW = w - 6;
        int lines = Math.max(1, Math.min(3, (int) Math.floor(h / (size + 2.5f))));
        if (lines == 1) {
            // the name is squeezed, never cut: a shortened hostname is a wrong one on the rack
            float nameW = Math.min(bold.width(bold.printable(name), size), textW * 0.6f);
            float baseline = top + h / 2 + size * 0.36f;
            canvas.fittedText(x + 3, baseline, bold, size, ink, name, nameW);
            canvas.fittedText(x + 3 + nameW + 4, baseline, regular, size, ink,
                    (device.model() + "  " + serial).trim(), textW - nameW - 4);
            return;
        }
        float baseline = top + size + 2;
        canvas.fittedText(x + 3, baseline, bold, size, ink, name, textW);
        canvas.fittedText(x + 3, baseline + size + 2, regular, size, ink, device.manufacturer() + " " + device.model(), textW);
        if (lines >= 3) {
            canvas.fittedText(x + 3, baseline + 2 * (size + 2), regular, size, ink, serial, textW);
        }
    }
}
