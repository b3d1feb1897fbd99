package io.ferrum.exporters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * An embedded font plus the text measuring the layouts need: cells are truncated and paragraphs wrapped
 * against real glyph widths so nothing runs off a printed page. Characters the font lacks become '?'
 * instead of failing the whole document.
 */
public final class PdfFont {

    private static final String ELLIPSIS = "\u2026";

    private final PDFont font;
    private final Map<Integer, Boolean> supported = new HashMap<>();

    PdfFont(PDFont font) {
        this.font = font;
    }

    public PDFont pdFont() {
        return font;
    }

    public float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cap height in points, used to place text vertically inside boxes. */
    public float capHeight(float size) {
        return font.getFontDescriptor().getCapHeight() / 1000f * size;
    }

    /** The text with characters the font cannot show replaced, and control characters dropped. */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (supported.computeIfAbsent(cp, this::canEncode)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Truncates with an ellipsis so the text fits {@code maxWidth}. */
    public String fit(String text, float size, float maxWidth) {
        String printable = printable(text);
        if (width(printable, size) <= maxWidth) {
            return printable;
        }
        int low = 0;
        int high = printable.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(printable.substring(0, mid) + ELLIPSIS, size) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? "" : printable.substring(0, low) + ELLIPSIS;
    }

    /** Greedy word wrap; words longer than a line are cut rather than allowed to overflow. */
    public List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split(" *\n *", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(fit(word, size, maxWidth));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private boolean canEncode(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
