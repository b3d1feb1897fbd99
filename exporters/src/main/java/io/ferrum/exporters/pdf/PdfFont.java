package io.ferrum.exporters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * An embedded font plus the text measuring the layouts need: cells, headings and paragraphs are wrapped
 * against real glyph widths so nothing runs off a printed page and nothing is cut. Characters the font
 * lacks become '?' instead of failing the whole document.
 */
public final class PdfFont {

    private static final String ELLIPSIS = "\u2026";
    /** The unit of wrapping: leading spaces, then a run up to and including a '-' or '/' run. */
    private static final Pattern PIECE = Pattern.compile(" *[^ /-]*[/-]*");

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

    /**
     * Wraps the text into lines no wider than {@code maxWidth}, keeping every character: lines break at spaces
     * (which are dropped), after '-' or '/' (which stay at the end of the line, as a reader expects in
     * {@code ams1-r01-}/{@code border01}), and a word with no such place that is still too wide is broken
     * between characters. Explicit line breaks start a new line. Every line holds at least one character, so
     * even a column narrower than one glyph terminates.
     */
    public List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        // split before printable(), which would turn the line breaks into spaces
        for (String paragraph : (text == null ? "" : text).split(" *\r?\n *", -1)) {
            wrapParagraph(printable(paragraph), size, maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, float size, float maxWidth, List<String> lines) {
        String line = "";
        Matcher pieces = PIECE.matcher(paragraph);
        while (pieces.find()) {
            String piece = pieces.group();
            if (piece.isEmpty()) {
                continue;
            }
            String candidate = line + piece;
            if (line.isEmpty() || width(candidate, size) <= maxWidth) {
                line = line.isEmpty() ? piece.stripLeading() : candidate;
            } else {
                lines.add(line.stripTrailing());
                line = piece.stripLeading();
            }
            // a piece wider than a whole line: break it between characters, as many as fit per line
            while (width(line, size) > maxWidth && line.codePointCount(0, line.length()) > 1) {
                int cut = longestFittingPrefix(line, size, maxWidth);
                lines.add(line.substring(0, cut));
                line = line.substring(cut);
            }
        }
        lines.add(line.stripTrailing());
    }

    /** Length in chars of the longest prefix, whole code points and at least one, that fits {@code maxWidth}. */
    private int longestFittingPrefix(String text, float size, float maxWidth) {
        int low = 1;
        int high = text.codePointCount(0, text.length()) - 1;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(text.substring(0, text.offsetByCodePoints(0, mid)), size) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.offsetByCodePoints(0, low);
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
