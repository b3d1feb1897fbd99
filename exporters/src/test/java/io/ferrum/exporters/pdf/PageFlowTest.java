package io.ferrum.exporters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.PageSize;
import io.ferrum.exporters.support.Pdfs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class PageFlowTest {

    private static final String LONG = "ams1-r01-border01-management1-" + "x".repeat(120);

    @Test
    void aValueTooWideForItsColumnWrapsInsideItWithoutBeingCut() throws Exception {
        byte[] bytes;
        try (PrintDocument document = new PrintDocument(PageSize.A4, "table", ExportOptions.FIXED_DOCUMENT_DATE)) {
            PageFlow flow = new PageFlow(document, false);
            flow.table("Cables", List.of(TableColumn.left("Label", 1), TableColumn.left("Port", 1)),
                    List.of(List.of(LONG, "Management1"), List.of("ams1-r01-srv01-eth0", "eth0")), 7.5f);
            bytes = document.toBytes();
        }
        try (PDDocument pdf = Pdfs.load(bytes)) {
            String text = Pdfs.text(pdf);
            assertThat(text.replaceAll("\\s+", "")).contains(LONG + "Management1");
            assertThat(text).doesNotContain("\u2026");
            List<TextPosition> glyphs = glyphs(pdf);
            float portColumn = glyphs.stream().filter(g -> g.getUnicode().equals("P")).findFirst().orElseThrow()
                    .getXDirAdj();
            // every 'x' of the long label stays left of the next column
            assertThat(glyphs.stream().filter(g -> g.getUnicode().equals("x")))
                    .hasSize(120)
                    .allSatisfy(g -> assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThan(portColumn));
            // the wrapped row pushes the next row down: "srv01" sits below the last line of the long label
            float lastX = glyphs.stream().filter(g -> g.getUnicode().equals("x"))
                    .map(TextPosition::getYDirAdj).max(Float::compare).orElseThrow();
            float nextRow = glyphs.stream().filter(g -> g.getUnicode().equals("v")).findFirst().orElseThrow()
                    .getYDirAdj();
            assertThat(nextRow).isGreaterThan(lastX + 7.5f);
        }
    }

    @Test
    void aHeadingTooLongForTheLineWrapsInsteadOfBeingCut() throws Exception {
        String heading = "Cable schedule \u2014 rack " + "ams1-hall2-row4-".repeat(8) + "r01";
        byte[] bytes;
        try (PrintDocument document = new PrintDocument(PageSize.A4, "heading", ExportOptions.FIXED_DOCUMENT_DATE)) {
            new PageFlow(document, false).heading(heading, 11);
            bytes = document.toBytes();
        }
        try (PDDocument pdf = Pdfs.load(bytes)) {
            assertThat(Pdfs.text(pdf).replaceAll("\\s+", "")).contains(heading.replaceAll("\\s+", ""));
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
        }
    }

    @Test
    void fittedTextIsSqueezedIntoItsBoxButNeverCut() throws Exception {
        String name = "ams1-r01-border01 (other face)";
        byte[] bytes;
        try (PrintDocument document = new PrintDocument(PageSize.A4, "fit", ExportOptions.FIXED_DOCUMENT_DATE)) {
            PageCanvas canvas = document.newPage(false);
            canvas.fittedText(100, 100, document.bold(), 7.5f, PdfColour.BLACK, name, 60);
            bytes = document.toBytes();
        }
        try (PDDocument pdf = Pdfs.load(bytes)) {
            assertThat(Pdfs.text(pdf)).contains(name).doesNotContain("\u2026");
            List<TextPosition> glyphs = glyphs(pdf).stream().filter(g -> g.getYDirAdj() < 200).toList();
            TextPosition last = glyphs.get(glyphs.size() - 1);
            assertThat(last.getXDirAdj() + last.getWidthDirAdj()).isLessThanOrEqualTo(160.5f);
        }
    }

    private static List<TextPosition> glyphs(PDDocument pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                glyphs.addAll(positions);
            }
        };
        stripper.getText(pdf);
        return glyphs;
    }
}
