package io.ferrum.exporters.pdf;

import java.util.ArrayList;
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

    /** A bold heading; a long one wraps, its first line kept on the page with room for what follows. */
    public void heading(String text, float size) {
        List<String> lines = document.bold().wrap(text, size, canvas.contentWidth());
        for (int i = 0; i < lines.size(); i++) {
            ensure(i == 0 ? size * 2.2f : size * 1.3f);
            y += size * 1.3f;
            canvas.text(canvas.margin(), y, document.bold(), size, PdfColour.BLACK, lines.get(i));
        }
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
        float indent = 22;
        List<String> lines = document.regular().wrap(text, BODY_SIZE, canvas.contentWidth() - indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(BODY_LEADING + 2);
            y += i == 0 ? BODY_LEADING + 2 : BODY_LEADING;
            if (i == 0) {
                canvas.fillRect(canvas.margin(), y - 11, 16, 10, colour);
                canvas.strokeRect(canvas.margin(), y - 11, 16, 10, PdfColour.BLACK, 0.4f);
            }
            canvas.text(canvas.margin() + indent, y - 3, document.regular(), BODY_SIZE, PdfColour.BLACK, lines.get(i));
        }
    }

    public void space(float points) {
        y += points;
    }

    /**
     * A table with a shaded header. Nothing in a cell is ever cut, since what is printed there is copied onto
     * cables and devices: columns are sized from their content where the page allows (see {@link #widths}) and a
     * value still too wide for its column wraps onto more lines, the row growing to the tallest cell. A row is
     * never split across pages.
     */
    public void table(String heading, List<TableColumn> columns, List<List<String>> rows, float fontSize) {
        float[] widths = widths(columns, rows, fontSize);
        List<List<List<String>>> wrapped = rows.stream()
                .map(row -> wrapCells(columns, widths, row, document.regular(), fontSize)).toList();
        List<List<String>> header = wrapCells(columns, widths, columns.stream().map(TableColumn::header).toList(),
                document.bold(), fontSize);
        float headerHeight = rowHeight(header, fontSize);
        heading(heading, 11);
        ensure(headerHeight + (wrapped.isEmpty() ? rowHeight(List.of(List.of("")), fontSize)
                : rowHeight(wrapped.get(0), fontSize)));
        header(header, columns, widths, fontSize, headerHeight);
        int index = 0;
        for (List<List<String>> row : wrapped) {
            float rowHeight = rowHeight(row, fontSize);
            if (y + rowHeight > canvas.contentBottom()) {
                newPage();
                heading(heading + " (continued)", 11);
                header(header, columns, widths, fontSize, headerHeight);
            }
            if (index++ % 2 == 1) {
                canvas.fillRect(canvas.margin(), y, canvas.contentWidth(), rowHeight, PdfColour.LIGHT_GREY);
            }
            cells(columns, widths, row, document.regular(), fontSize, PdfColour.BLACK);
            y += rowHeight;
        }
        if (rows.isEmpty()) {
            float rowHeight = rowHeight(List.of(List.of("")), fontSize);
            ensure(rowHeight);
            canvas.text(canvas.margin() + CELL_PADDING, y + rowHeight - CELL_PADDING - 1, document.regular(), fontSize,
                    PdfColour.GREY, "(none)");
            y += rowHeight;
        }
        canvas.line(canvas.margin(), y, canvas.margin() + canvas.contentWidth(), y, PdfColour.GREY, 0.5f);
        y += 10;
    }

    private void header(List<List<String>> header, List<TableColumn> columns, float[] widths, float fontSize,
                        float headerHeight) {
        canvas.fillRect(canvas.margin(), y, canvas.contentWidth(), headerHeight, PdfColour.HEADER);
        cells(columns, widths, header, document.bold(), fontSize, PdfColour.WHITE);
        y += headerHeight;
    }

    /** Each cell's lines; a missing or null value is an empty cell. */
    private static List<List<String>> wrapCells(List<TableColumn> columns, float[] widths, List<String> values,
                                                PdfFont font, float size) {
        List<List<String>> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String value = i < values.size() && values.get(i) != null ? values.get(i) : "";
            cells.add(font.wrap(value, size, widths[i] - 2 * CELL_PADDING));
        }
        return cells;
    }

    /** One line is the single-line row height the tables always had; each further line adds a line of text. */
    private static float rowHeight(List<List<String>> cells, float fontSize) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return fontSize + 2 * CELL_PADDING + 1 + (lines - 1) * lineHeight(fontSize);
    }

    private static float lineHeight(float fontSize) {
        return fontSize * 1.2f;
    }

    private void cells(List<TableColumn> columns, float[] widths, List<List<String>> cells, PdfFont font, float size,
                       PdfColour colour) {
        float x = canvas.margin();
        float firstBaseline = y + size + 2;
        for (int i = 0; i < columns.size(); i++) {
            List<String> lines = cells.get(i);
            for (int line = 0; line < lines.size(); line++) {
                String text = lines.get(line);
                float textX = columns.get(i).alignRight()
                        ? x + widths[i] - CELL_PADDING - font.width(text, size)
                        : x + CELL_PADDING;
                canvas.text(textX, firstBaseline + line * lineHeight(size), font, size, colour, text);
            }
            x += widths[i];
        }
    }

    /**
     * Column widths for the page. Each column wants its natural width: its widest value (or header) on one
     * line. Columns whose natural width is within their weighted share of the page get exactly that, and what
     * they leave is shared again by weight among the rest, until no more columns are satisfied; those left wrap
     * in their share. When every column is satisfied, the spare width is spread by weight so the table still
     * spans the page. The effect is that a long label takes room from short columns (U, Type, Length) before it
     * wraps.
     */
    private float[] widths(List<TableColumn> columns, List<List<String>> rows, float fontSize) {
        int count = columns.size();
        float[] natural = new float[count];
        for (int i = 0; i < count; i++) {
            natural[i] = document.bold().width(document.bold().printable(columns.get(i).header()), fontSize);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < count && i < row.size(); i++) {
                if (row.get(i) != null) {
                    String value = document.regular().printable(row.get(i));
                    natural[i] = Math.max(natural[i], document.regular().width(value, fontSize));
                }
            }
        }
        float[] widths = new float[count];
        boolean[] settled = new boolean[count];
        float remaining = canvas.contentWidth();
        boolean changed = true;
        while (changed) {
            changed = false;
            float openWeight = 0;
            for (int i = 0; i < count; i++) {
                openWeight += settled[i] ? 0 : columns.get(i).weight();
            }
            for (int i = 0; i < count; i++) {
                float wanted = natural[i] + 2 * CELL_PADDING + 0.5f;
                if (!settled[i] && wanted <= remaining * columns.get(i).weight() / openWeight) {
                    widths[i] = wanted;
                    settled[i] = true;
                    changed = true;
                }
            }
            if (changed) {
                remaining = canvas.contentWidth();
                for (int i = 0; i < count; i++) {
                    remaining -= settled[i] ? widths[i] : 0;
                }
            }
        }
        float openWeight = 0;
        for (int i = 0; i < count; i++) {
            openWeight += settled[i] ? 0 : columns.get(i).weight();
        }
        float totalWeight = (float) columns.stream().mapToDouble(TableColumn::weight).sum();
        for (int i = 0; i < count; i++) {
            if (openWeight > 0) {
                if (!settled[i]) {
                    widths[i] = remaining * columns.get(i).weight() / openWeight;
                }
            } else {
                widths[i] += remaining * columns.get(i).weight() / totalWeight;
            }
        }
        return widths;
    }

    private void ensure(float height) {
        if (y + height > canvas.contentBottom()) {
            newPage();
        }
    }
}
