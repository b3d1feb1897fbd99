package io.ferrum.exporters.elevation;

/** Escaping and width-bounded text for SVG, where nothing measures text for us. */
final class SvgText {

    /** Generous average advance of DejaVu/Liberation Sans glyphs, as a fraction of the font size. */
    private static final double AVERAGE_ADVANCE = 0.6;

    private SvgText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Cuts {@code text} with an ellipsis so that it fits {@code widthPx} at {@code fontSize}. */
    static String fit(String text, double widthPx, double fontSize) {
        int maxChars = (int) Math.floor(widthPx / (fontSize * AVERAGE_ADVANCE));
        if (text.length() <= maxChars) {
            return text;
        }
        return maxChars <= 1 ? "" : text.substring(0, maxChars - 1) + "\u2026";
    }
}
