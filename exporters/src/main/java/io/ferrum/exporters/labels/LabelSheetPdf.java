package io.ferrum.exporters.labels;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.exporters.pdf.PageCanvas;
import io.ferrum.exporters.pdf.PdfColour;
import io.ferrum.exporters.pdf.PdfFont;
import io.ferrum.exporters.pdf.PrintDocument;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;

/**
 * Label sheets: a grid of {@value #COLUMNS} x {@value #ROWS} labels per page with light cut guides, cable
 * labels first (A and B end side by side), device labels starting on a fresh page. Cell size follows the
 * paper, so A4 and Letter both fill the page without running off it; text wraps inside its label and is
 * never cut.
 */
public final class LabelSheetPdf implements Export {

    static final int COLUMNS = 3;
    static final int ROWS = 10;
    private static final float PADDING = 5f;
    private static final float TITLE_SIZE = 11f;
    private static final float DETAIL_SIZE = 6.5f;
    /** How far a title may shrink to stay on one line before it wraps instead. */
    private static final float ONE_LINE_SCALE = 0.8f;
    /** Below 60 % (6.6 pt titles, 3.9 pt details) a label is no longer readable in a rack. */
    private static final float MIN_SCALE = 0.6f;

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

    /**
     * The title and details wrap to the label's width; when they then need more height than the label has,
     * both are set smaller step by step. The title is what is written on the cable, so it is always printed
     * whole; only text too long to fit even at the smallest size loses its last detail lines, and those are
     * also in the cable schedule.
     */
    private static void draw(PrintDocument document, PageCanvas canvas, Label label, float x, float top, float w, float h) {
        canvas.strokeRect(x, top, w, h, PdfColour.LIGHT_GREY, 0.5f);
        float room = w - 2 * PADDING;
        float bottom = top + h - PADDING / 2;
        float scale = 1f;
        LabelLayout layout = LabelLayout.of(document, label, room, scale);
        while (layout.bottom(top + PADDING) > bottom && scale > MIN_SCALE) {
            scale = Math.max(MIN_SCALE, scale - 0.05f);
            layout = LabelLayout.of(document, label, room, scale);
        }
        float baseline = top + PADDING;
        for (int i = 0; i < layout.title().size(); i++) {
            baseline += i == 0 ? layout.titleSize() : layout.titleSize() * 1.1f;
            canvas.text(x + PADDING, baseline, document.bold(), layout.titleSize(), PdfColour.BLACK, layout.title().get(i));
        }
        for (String line : layout.details()) {
            baseline += layout.detailSize() + 2;
            if (baseline > bottom) {
                break;
            }
            canvas.text(x + PADDING, baseline, document.regular(), layout.detailSize(), PdfColour.BLACK, line);
        }
    }

    /** A label's text wrapped at one scale of the normal type sizes. */
    private record LabelLayout(float titleSize, List<String> title, float detailSize, List<String> details) {

        static LabelLayout of(PrintDocument document, Label label, float room, float scale) {
            float titleSize = TITLE_SIZE * scale;
            // a title a little too long reads better on one line in slightly smaller type than broken in two
            PdfFont bold = document.bold();
            float oneLine = 0.999f * titleSize * room / bold.width(bold.printable(label.title()), titleSize);
            if (oneLine < titleSize && oneLine >= titleSize * ONE_LINE_SCALE) {
                titleSize = oneLine;
            }
            float detailSize = DETAIL_SIZE * scale;
            List<String> details = label.details().stream()
                    .flatMap(detail -> document.regular().wrap(detail, detailSize, room).stream()).toList();
            return new LabelLayout(titleSize, bold.wrap(label.title(), titleSize, room), detailSize, details);
        }

        /** The baseline of the last line when the text starts at {@code top}. */
        float bottom(float top) {
            return top + titleSize + (title.size() - 1) * titleSize * 1.1f + details.size() * (detailSize + 2);
        }
    }
}
