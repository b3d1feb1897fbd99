package io.ferrum.exporters.buildpack;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.PageSize;
import io.ferrum.exporters.fixtures.LongNameSite;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Pdfs;
import io.ferrum.exporters.support.Tools;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPackPdfTest {

    private final SiteInventory site = TinySite.inventory();
    private final BuildPackPdf export = new BuildPackPdf();

    @Test
    void coverThenOneElevationPagePerRackThenScheduleBomAndNotes() throws Exception {
        try (PDDocument pdf = Pdfs.load(export.render(site, ExportOptions.defaults()))) {
            assertThat(Pdfs.pageText(pdf, 1)).contains("Build pack", "FRA1", "Frankfurt 1", "Hanauer Landstraße 1");
            assertThat(Pdfs.pageText(pdf, 2)).contains("Rack r01", "Front", "Rear", "srv1", "leaf1", "SN SRV0001");
            assertThat(Pdfs.pageText(pdf, 3)).contains("Rack r02", "srv2", "fw1");
            String all = Pdfs.text(pdf);
            assertThat(all).contains("Cable schedule", "Bill of materials", "Install notes", "Rack power");
            for (CableInfo cable : site.cables()) {
                assertThat(all).contains(cable.label());
            }
            for (DeviceInfo device : site.devices()) {
                if (device.rack() != null) {
                    assertThat(all).as(device.hostname()).contains(device.hostname());
                }
            }
            assertThat(all).contains("Not in any rack: spare1");
        }
    }

    @Test
    void fontsAreEmbeddedAndNoGlyphLeavesThePage() throws Exception {
        for (PageSize size : PageSize.values()) {
            try (PDDocument pdf = Pdfs.load(export.render(site, ExportOptions.defaults().withPageSize(size)))) {
                assertThat(Pdfs.fontCount(pdf)).isPositive();
                assertThat(Pdfs.unembeddedFonts(pdf)).isEmpty();
                assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
                PDPage first = pdf.getPage(0);
                assertThat(first.getMediaBox().getWidth()).isCloseTo(size.widthPt(), org.assertj.core.data.Offset.offset(0.5f));
                assertThat(first.getMediaBox().getHeight()).isCloseTo(size.heightPt(), org.assertj.core.data.Offset.offset(0.5f));
            }
        }
        assertThat(export.fileName(site, ExportOptions.defaults().withPageSize(PageSize.LETTER)))
                .isEqualTo("fra1-build-pack-letter.pdf");
    }

    @Test
    void fixedDatesAreWrittenIntoTheDocument() throws Exception {
        try (PDDocument pdf = Pdfs.load(export.render(site, ExportOptions.defaults()))) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(ExportOptions.FIXED_DOCUMENT_DATE);
            assertThat(pdf.getDocumentInformation().getModificationDate().toInstant())
                    .isEqualTo(ExportOptions.FIXED_DOCUMENT_DATE);
        }
    }

    @Test
    void longValuesWrapInsideTheirCellInsteadOfBeingCut() throws Exception {
        String longName = "a-device-name-that-is-much-too-long-for-any-cable-schedule-cell-" + "x".repeat(80);
        SiteInventory renamed = new SiteInventory(site.site(), site.racks(), site.devices(),
                site.cables().stream().map(c -> c.label().equals("C0001")
                        ? new CableInfo(c.label(), c.a(), new CableInfo.CableEnd(longName, "eth0"), c.type(),
                                c.colour(), c.lengthM(), c.status())
                        : c).toList(), site.prefixes(), site.addresses(), site.exchangeConnections());
        try (PDDocument pdf = Pdfs.load(export.render(renamed, ExportOptions.defaults()))) {
            String schedule = fromCableSchedule(Pdfs.text(pdf));
            assertThat(withoutWhitespace(schedule)).contains(longName);
            assertThat(schedule).doesNotContain("\u2026");
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
        }
    }

    /** Issue 13: the schedule printed "ams1-border01-manag…", and a label is what the engineer writes on the cable. */
    @Test
    void everyCableLabelOfALongNamedSiteIsPrintedWhole() throws Exception {
        SiteInventory longNames = LongNameSite.inventory();
        for (PageSize size : PageSize.values()) {
            try (PDDocument pdf = Pdfs.load(export.render(longNames, ExportOptions.defaults().withPageSize(size)))) {
                // everything from the schedule on is tables; rack elevations draw fixed-height device boxes
                String tables = fromCableSchedule(Pdfs.text(pdf));
                String joined = withoutWhitespace(tables);
                for (CableInfo cable : longNames.cables()) {
                    assertThat(joined).as(size + " label").contains(cable.label());
                    assertThat(joined).as(size + " A end").contains(cable.a().device(), cable.a().port());
                    assertThat(joined).as(size + " B end").contains(cable.b().device(), cable.b().port());
                }
                assertThat(joined).contains("DCS-7280CR3-32P4", "PowerEdgeR760xd2");
                assertThat(tables).doesNotContain("\u2026");
                assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
            }
        }
    }

    /** The text from the first cable schedule table to the end of the document. */
    private static String fromCableSchedule(String text) {
        int start = text.indexOf("Cable schedule \u2014");
        assertThat(start).as("cable schedule heading").isNotNegative();
        return text.substring(start);
    }

    /** Wrapped cell text comes back with line breaks where it was wrapped; the label itself has no spaces. */
    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void rendersToAPngThatIsNotBlank(@TempDir Path dir) throws Exception {
        String pdftoppm = Tools.require("pdftoppm", "poppler-utils");
        Path pdf = dir.resolve("pack.pdf");
        Files.write(pdf, export.render(site, ExportOptions.defaults()));
        Tools.Result result = Tools.run(List.of(pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "2", pdf.toString(),
                dir.resolve("page").toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        for (String page : List.of("page-1.png", "page-2.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(page).toFile());
            assertThat(nonWhiteShare(image)).as(page).isGreaterThan(0.01);
        }
    }

    static double nonWhiteShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }

    @Test
    void manyDevicesOutsideTheUGridStillFitTheRackPage() throws Exception {
        List<DeviceInfo> devices = new java.util.ArrayList<>(site.devices());
        for (int i = 1; i <= 40; i++) {
            devices.add(io.ferrum.exporters.fixtures.Devices.device("pdu-extra-" + i,
                    io.ferrum.model.dcim.DeviceRole.PDU, "APC", "AP8941", 0, false, 10, "PX" + i, "r01",
                    io.ferrum.model.dcim.RackFace.REAR, null, null, null, List.of()));
        }
        SiteInventory crowded = new SiteInventory(site.site(), site.racks(), devices, site.cables(), site.prefixes(),
                site.addresses(), site.exchangeConnections());
        try (PDDocument pdf = Pdfs.load(export.render(crowded, ExportOptions.defaults()))) {
            assertThat(Pdfs.pageText(pdf, 2)).contains("Rack r01", "srv1", "more (see the bill of materials");
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
        }
    }
}
