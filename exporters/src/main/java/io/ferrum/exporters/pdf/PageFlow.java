package io.ferrum.exporters.pdf;

import java.util.List;

/**
 * Flows headings, paragraphs and tables down pages, starting a new page whenever the next line would
 * cross the bottom margin; long tables repeat their heading and column header on every page.
 */
public final class PageFlow {

    private static final float BODY_SIZE = 9.5f;
    private static final float BODY_LEADING = 13f;
    private static final float CELL_PADDING = 2.5f;

    private final PrintDocument document;
    private final boolean landscape;
    private PageCanvas canvas;
    private float y;

    public PageFlow(PrintDocument document, boolean landscape) {
        this.document = document;
        this.landscape = landscape;
        newPage();
    }

    public PageCanvas canvas() {
        return canvas;
    }

    /** Current position: the top of the next line, in top-left coordinates. */
    public float y() {
        return y;
    }

    public void newPage() {
        canvas = document.newPage(landscape);
        y = canvas.margin();
    }

    public void heading(String text, float size) {
        ensure(size * 2.2f);
        y += size * 1.3f;
        canvas.fittedText(canvas.margin(), y, document.bold(), size, PdfColour.BLACK, text, canvas.contentWidth());
        y += size * 0.7f;
    }

    public void paragraph(String text) {
        for (String line : document.regular().wrap(text, BODY_SIZE, canvas.contentWidth())) {
            ensure(BODY_LEADING);
            y += BODY_LEADING;
            canvas.text(canvas.margin(), y - 3, document.regular(), BODY_SIZE, PdfColour.BLACK, line);
        }
        y += 4;
    }

    public void bullet(String text) {
        float indent = 12;
        List<String> lines = document.regular().wrap(text, BODY_SIZE, canvas.contentWidth() - indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(BODY_LEADING);
            y += BODY_LEADING;
            if (i == 0) {
                canvas.text(canvas.margin() + 2, y - 3, document.regular(), BODY_SIZE, PdfColour.BLACK, "\u2022");
            }
            canvas.text(canvas.margin() + indent, y - 3, document.regular(), BODY_SIZE, PdfColour.BLACK, lines.get(i));
        }
    }

    /** A colour swatch followed by its meaning, as in a map legend. */
    public void swatch(PdfColour colour, String text) {
        ensure(BODY_LEADING + 2);
        y += BODY_LEADING + 2;
        canvas.fillRect(canvas.margin(), y - 11, 16, 10, colour);
        canvas.strokeRect(canvas.margin(), y - 11, 16, 10, PdfColour.BLACK, 0.4f);
        canvas.fittedText(canvas.margin() + 22, y - 3, document.regular(), BODY_SIZE, PdfColour.BLACK, text,
                canvas.contentWidth() - 22);
    }

    public void space(float points) {
        y += points;
    }

    /**
     * A table with a shaded header; every cell is truncated to its column so text never crosses into the
     * next cell or off the page.
     */
    public void table(String heading, List<TableColumn> columns, List<List<String>> rows, float fontSize) {
        float rowHeight = fontSize + 2 * CELL_PADDING + 1;
        float[] widths = widths(columns);
        heading(heading, 11);
        ensure(rowHeight * 2);
        header(columns, widths, fontSize, rowHeight);
        int index = 0;
        for (List<String> row : rows) {
            if (y + rowHeight > canvas.contentBottom()) {
                newPage();
                heading(heading + " (continued)", 11);
                header(columns, widths, fontSize, rowHeight);
            }
            if (index++ % 2 == 1) {
                canvas.fillRect(canvas.margin(), y, canvas.contentWidth(), rowHeight, PdfColour.LIGHT_GREY);
            }
            cells(columns, widths, row, document.regular(), fontSize, rowHeight, PdfColour.BLACK);
            y += rowHeight;
        }
        if (rows.isEmpty()) {
            ensure(rowHeight);
            canvas.text(canvas.margin() + CELL_PADDING, y + rowHeight - CELL_PADDING - 1, document.regular(), fontSize,
                    PdfColour.GREY, "(none)");
            y += rowHeight;
        }
        canvas.line(canvas.margin(), y, canvas.margin() + canvas.contentWidth(), y, PdfColour.GREY, 0.5f);
        y += 10;
    }

    private void header(List<TableColumn> columns, float[] widths, float fontSize, float rowHeight) {
        canvas.fillRect(canvas.margin(), y, canvas.contentWidth(), rowHeight, PdfColour.HEADER);
        cells(columns, widths, columns.stream().map(TableColumn::header).toList(), document.bold(), fontSize, rowHeight,
                PdfColour.WHITE);
        y += rowHeight;
    }

    private void cells(List<TableColumn> columns, float[] widths, List<String> values, PdfFont font, float size,
                       float rowHeight, PdfColour colour) {
        float x = canvas.margin();
        float baseline = y + rowHeight - CELL_PADDING - 1.5f;
        for (int i = 0; i < columns.size(); i++) {
            String value = i < values.size() && values.get(i) != null ? values.get(i) : "";
            float room = widths[i] - 2 * CELL_PADDING;
            String fitted = font.fit(value, size, room);
            float textX = columns.get(i).alignRight()
                    ? x + widths[i] - CELL_PADDING - font.width(fitted, size)
                    : x + CELL_PADDING;
            canvas.text(textX, baseline, font, size, colour, fitted);
            x += widths[i];
        }
    }

    private float[] widths(List<TableColumn> columns) {
        float total = (float) columns.stream().mapToDouble(TableColumn::weight).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = canvas.contentWidth() * columns.get(i).weight() / total;
        }
        return widths;
    }

    private void ensure(float height) {
        if (y + height > canvas.contentBottom()) {
            newPage();
        }
    }
}
