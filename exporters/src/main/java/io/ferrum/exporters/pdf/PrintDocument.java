package io.ferrum.exporters.pdf;

import io.ferrum.exporters.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable PDF under construction: embedded DejaVu Sans Condensed (never the unembedded Standard 14),
 * fixed dates and a content-derived document ID so identical intent gives identical bytes, and a
 * "title — page n of m" footer on every page.
 */
public final class PrintDocument implements AutoCloseable {

    public static final float MARGIN = 36f;
    private static final byte[] REGULAR = fontBytes("/fonts/DejaVuSansCondensed.ttf");
    private static final byte[] BOLD = fontBytes("/fonts/DejaVuSansCondensed-Bold.ttf");

    private final PDDocument document = new PDDocument();
    private final PageSize pageSize;
    private final String title;
    private final Instant date;
    private final PdfFont regular;
    private final PdfFont bold;
    private PageCanvas current;

    public PrintDocument(PageSize pageSize, String title, Instant date) {
        this.pageSize = pageSize;
        this.title = title;
        this.date = date;
        try {
            regular = new PdfFont(PDType0Font.load(document, new java.io.ByteArrayInputStream(REGULAR), true));
            bold = new PdfFont(PDType0Font.load(document, new java.io.ByteArrayInputStream(BOLD), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfFont regular() {
        return regular;
    }

    public PdfFont bold() {
        return bold;
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** Starts a new page (portrait or landscape of the document's paper) and returns its canvas. */
    public PageCanvas newPage(boolean landscape) {
        closeCurrent();
        PDRectangle box = landscape
                ? new PDRectangle(pageSize.heightPt(), pageSize.widthPt())
                : new PDRectangle(pageSize.widthPt(), pageSize.heightPt());
        PDPage page = new PDPage(box);
        document.addPage(page);
        try {
            current = new PageCanvas(new PDPageContentStream(document, page), box, MARGIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return current;
    }

    /** Finishes the document: footers, metadata, fixed ID, then the bytes. */
    public byte[] toBytes() {
        closeCurrent();
        if (document.getNumberOfPages() == 0) {
            newPage(false);
            closeCurrent();
        }
        addFooters();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Ferrum");
        info.setProducer("Ferrum exporters");
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(date.toEpochMilli());
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        setDocumentId();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addFooters() {
        int total = document.getNumberOfPages();
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            try (PDPageContentStream stream = new PDPageContentStream(
                    document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                PageCanvas canvas = new PageCanvas(stream, page.getMediaBox(), MARGIN);
                String pageText = "page " + number + " of " + total;
                float size = 7.5f;
                float pageTextWidth = regular.width(pageText, size);
                float baseline = canvas.height() - MARGIN + 4;
                canvas.line(MARGIN, baseline - 10, canvas.width() - MARGIN, baseline - 10, PdfColour.LIGHT_GREY, 0.5f);
                canvas.fittedText(MARGIN, baseline, regular, size, PdfColour.GREY, title,
                        canvas.contentWidth() - pageTextWidth - 12);
                canvas.text(canvas.width() - MARGIN - pageTextWidth, baseline, regular, size, PdfColour.GREY, pageText);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** PDFBox would otherwise derive the trailer ID from the clock. */
    private void setDocumentId() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((title + "|" + date + "|" + document.getNumberOfPages()).getBytes(StandardCharsets.UTF_8));
            byte[] id = md5.digest();
            COSArray array = new COSArray();
            array.add(new COSString(id));
            array.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, array);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static byte[] fontBytes(String resource) {
        try (InputStream in = PrintDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
