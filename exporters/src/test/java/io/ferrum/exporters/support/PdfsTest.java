package io.ferrum.exporters.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.PageSize;
import io.ferrum.exporters.pdf.PageCanvas;
import io.ferrum.exporters.pdf.PdfColour;
import io.ferrum.exporters.pdf.PrintDocument;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The overflow check the PDF tests rely on must itself catch overflowing text. */
class PdfsTest {

    @Test
    void findsTextRunningOffThePage() throws Exception {
        byte[] bytes;
        try (PrintDocument document = new PrintDocument(PageSize.A4, "overflow", Instant.EPOCH)) {
            PageCanvas canvas = document.newPage(false);
            canvas.text(canvas.width() - 20, 100, document.regular(), 12, PdfColour.BLACK, "this runs off the right edge");
            bytes = document.toBytes();
        }
        try (PDDocument pdf = Pdfs.load(bytes)) {
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isNotEmpty();
            assertThat(Pdfs.unembeddedFonts(pdf)).isEmpty();
        }
    }

    @Test
    void acceptsTextThatFits() throws Exception {
        byte[] bytes;
        try (PrintDocument document = new PrintDocument(PageSize.LETTER, "fits", Instant.EPOCH)) {
            PageCanvas canvas = document.newPage(true);
            canvas.fittedText(canvas.margin(), 100, document.regular(), 12, PdfColour.BLACK, "x".repeat(500),
                    canvas.contentWidth());
            bytes = document.toBytes();
        }
        try (PDDocument pdf = Pdfs.load(bytes)) {
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
            // squeezed to the width, never cut (issue 13)
            assertThat(Pdfs.text(pdf)).contains("x".repeat(500)).doesNotContain("\u2026");
        }
    }
}
