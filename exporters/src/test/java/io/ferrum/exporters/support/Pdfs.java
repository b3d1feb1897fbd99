package io.ferrum.exporters.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads PDFs back through PDFBox: text, where each glyph landed, and which fonts are used. */
public final class Pdfs {

    private Pdfs() {
    }

    public static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(PDDocument document) {
        try {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pageText(PDDocument document, int pageNumber) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pageNumber);
            stripper.setEndPage(pageNumber);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Glyphs whose box is not fully inside their page's media box, described for an assertion message. */
    public static List<String> glyphsOutsidePage(PDDocument document) {
        List<String> outside = new ArrayList<>();
        try {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    PDRectangle box = getCurrentPage().getMediaBox();
                    for (TextPosition p : positions) {
                        // text-space coordinates with the origin at the top left of the page
                        float left = p.getXDirAdj();
                        float right = left + p.getWidthDirAdj();
                        float baseline = p.getYDirAdj();
                        float top = baseline - p.getHeightDir();
                        if (left < 0 || top < 0 || right > box.getWidth() + 0.5f || baseline > box.getHeight()) {
                            outside.add("page " + getCurrentPageNo() + " '" + p.getUnicode() + "' in '" + text + "' at "
                                    + left + "," + baseline);
                        }
                    }
                }
            };
            stripper.setSortByPosition(false);
            stripper.getText(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return outside;
    }

    /** Fonts across all pages that are not embedded (or are Standard 14 references). */
    public static List<String> unembeddedFonts(PDDocument document) {
        List<String> bad = new ArrayList<>();
        try {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded() || font.isStandard14()) {
                        bad.add(font.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bad;
    }

    public static int fontCount(PDDocument document) {
        int count = 0;
        for (PDPage page : document.getPages()) {
            for (var ignored : page.getResources().getFontNames()) {
                count++;
            }
        }
        return count;
    }
}
