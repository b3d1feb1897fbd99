package io.ferrum.exporters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Drawing on one page in top-left coordinates (y grows downwards), which is how layouts think; PDF's
 * bottom-left origin is converted here and nowhere else.
 */
public final class PageCanvas {

    /** Narrower than this and condensed text stops being legible; smaller type is the better trade. */
    private static final float MIN_SCALING_PERCENT = 75f;

    private final PDPageContentStream stream;
    private final PDRectangle box;
    private final float margin;

    PageCanvas(PDPageContentStream stream, PDRectangle box, float margin) {
        this.stream = stream;
        this.box = box;
        this.margin = margin;
    }

    public float width() {
        return box.getWidth();
    }

    public float height() {
        return box.getHeight();
    }

    public float margin() {
        return margin;
    }

    /** Usable width between the margins. */
    public float contentWidth() {
        return width() - 2 * margin;
    }

    /** Lowest y content may reach, leaving room for the footer. */
    public float contentBottom() {
        return height() - margin - 14;
    }

    /** Draws text with its baseline at {@code baselineY}; callers fit or wrap it first. */
    public void text(float x, float baselineY, PdfFont font, float size, PdfColour colour, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(font.pdFont(), size);
            stream.setNonStrokingColor(colour.red(), colour.green(), colour.blue());
            stream.newLineAtOffset(x, height() - baselineY);
            stream.showText(font.printable(text));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text squeezed into {@code maxWidth} on one line, for places that cannot grow (a footer, a 1U device box):
     * narrowed down to {@value #MIN_SCALING_PERCENT} % of its width, then set smaller, but never cut, since a
     * shortened name is a wrong name to whoever copies it. Nothing is drawn without room.
     */
    public void fittedText(float x, float baselineY, PdfFont font, float size, PdfColour colour, String text, float maxWidth) {
        if (text == null || text.isEmpty() || maxWidth <= 0) {
            return;
        }
        String printable = font.printable(text);
        float natural = font.width(printable, size);
        if (natural <= maxWidth) {
            text(x, baselineY, font, size, colour, printable);
            return;
        }
        float scaling = Math.max(MIN_SCALING_PERCENT, 100f * maxWidth / natural);
        float fittedSize = size * maxWidth / (natural * scaling / 100f);
        try {
            stream.saveGraphicsState();
            // horizontal scaling belongs to the graphics state: restoring it keeps later text at 100 %
            stream.setHorizontalScaling(scaling);
            text(x, baselineY, font, Math.min(size, fittedSize), colour, printable);
            stream.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void fillRect(float x, float top, float w, float h, PdfColour colour) {
        try {
            stream.setNonStrokingColor(colour.red(), colour.green(), colour.blue());
            stream.addRect(x, height() - top - h, w, h);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void strokeRect(float x, float top, float w, float h, PdfColour colour, float lineWidth) {
        try {
            stream.setStrokingColor(colour.red(), colour.green(), colour.blue());
            stream.setLineWidth(lineWidth);
            stream.addRect(x, height() - top - h, w, h);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(float x1, float y1, float x2, float y2, PdfColour colour, float lineWidth) {
        try {
            stream.setStrokingColor(colour.red(), colour.green(), colour.blue());
            stream.setLineWidth(lineWidth);
            stream.moveTo(x1, height() - y1);
            stream.lineTo(x2, height() - y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Diagonal lines clipped to the box. */
    public void hatch(float x, float top, float w, float h, PdfColour colour) {
        try {
            stream.saveGraphicsState();
            stream.addRect(x, height() - top - h, w, h);
            stream.clip();
            stream.setStrokingColor(colour.red(), colour.green(), colour.blue());
            stream.setLineWidth(0.4f);
            float bottom = height() - top - h;
            for (float offset = 0; offset < w + h; offset += 6) {
                stream.moveTo(x + offset - h, bottom);
                stream.lineTo(x + offset, bottom + h);
            }
            stream.stroke();
            stream.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
