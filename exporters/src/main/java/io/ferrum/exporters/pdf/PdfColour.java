package io.ferrum.exporters.pdf;

/** An RGB colour in PDF's 0..1 components. */
public record PdfColour(float red, float green, float blue) {

    public static final PdfColour BLACK = new PdfColour(0, 0, 0);
    public static final PdfColour WHITE = new PdfColour(1, 1, 1);
    public static final PdfColour GREY = new PdfColour(0.45f, 0.45f, 0.45f);
    public static final PdfColour LIGHT_GREY = new PdfColour(0.93f, 0.93f, 0.93f);
    public static final PdfColour HEADER = new PdfColour(0.12f, 0.22f, 0.40f);

    /** From {@code #rrggbb}. */
    public static PdfColour hex(String hex) {
        return new PdfColour(
                Integer.parseInt(hex.substring(1, 3), 16) / 255f,
                Integer.parseInt(hex.substring(3, 5), 16) / 255f,
                Integer.parseInt(hex.substring(5, 7), 16) / 255f);
    }
}
