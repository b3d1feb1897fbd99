package io.ferrum.exporters.labels;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.pdf.PageCanvas;
import io.ferrum.exporters.pdf.PdfColour;
import io.ferrum.exporters.pdf.PrintDocument;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;

/**
 * Label sheets: a grid of {@value #COLUMNS} x {@value #ROWS} labels per page with light cut guides, cable
 * labels first (A and B end side by side), device labels starting on a fresh page. Cell size follows the
 * paper, so A4 and Letter both fill the page without running off it.
 */
public final class LabelSheetPdf implements Export {

    static final int COLUMNS = 3;
    static final int ROWS = 10;
    private static final float PADDING = 5f;
    private static final float TITLE_SIZE = 11f;
    private static final float DETAIL_SIZE = 6.5f;

    @Override
    public String kind() {
        return "labels-pdf";
    }

    @Override
    public String contentType() {
        return "application/pdf";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "labels-" + options.pageSize().wire(), "pdf");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        LabelSet labels = LabelSet.of(inventory);
        try (PrintDocument document = new PrintDocument(options.pageSize(),
                "Labels " + inventory.site().code(), options.documentDate())) {
            sheets(document, labels.cableLabels());
            sheets(document, labels.deviceLabels());
            return document.toBytes();
        }
    }

    private static void sheets(PrintDocument document, List<Label> labels) {
        PageCanvas canvas = null;
        for (int i = 0; i < labels.size(); i++) {
            int slot = i % (COLUMNS * ROWS);
            if (slot == 0) {
                canvas = document.newPage(false);
            }
            float cellW = canvas.contentWidth() / COLUMNS;
            float cellH = (canvas.contentBottom() - canvas.margin()) / ROWS;
            float x = canvas.margin() + (slot % COLUMNS) * cellW;
            float y = canvas.margin() + (slot / COLUMNS) * cellH;
            draw(document, canvas, labels.get(i), x, y, cellW, cellH);
        }
    }

    private static void draw(PrintDocument document, PageCanvas canvas, Label label, float x, float top, float w, float h) {
        canvas.strokeRect(x, top, w, h, PdfColour.LIGHT_GREY, 0.5f);
        float room = w - 2 * PADDING;
        float baseline = top + PADDING + TITLE_SIZE;
        canvas.fittedText(x + PADDING, baseline, document.bold(), TITLE_SIZE, PdfColour.BLACK, label.title(), room);
        for (String detail : label.details()) {
            baseline += DETAIL_SIZE + 2;
            if (baseline > top + h - PADDING / 2) {
                break;
            }
            canvas.fittedText(x + PADDING, baseline, document.regular(), DETAIL_SIZE, PdfColour.BLACK, detail, room);
        }
    }
}
