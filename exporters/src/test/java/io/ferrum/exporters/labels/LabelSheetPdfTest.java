package io.ferrum.exporters.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.PageSize;
import io.ferrum.exporters.fixtures.LongNameSite;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Pdfs;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class LabelSheetPdfTest {

    private final SiteInventory site = TinySite.inventory();

    private static int occurrences(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void everyCableHasALabelForEachEndAndEveryDeviceOne() throws Exception {
        for (PageSize size : PageSize.values()) {
            try (PDDocument pdf = Pdfs.load(new LabelSheetPdf().render(site, ExportOptions.defaults().withPageSize(size)))) {
                String text = Pdfs.text(pdf);
                for (CableInfo cable : site.cables()) {
                    // the label itself twice, and each end named on both labels
                    assertThat(occurrences(text, cable.label() + "\n")).as(cable.label()).isEqualTo(2);
                    assertThat(text).contains("End A: ").contains(cable.a().device() + ":" + cable.a().port());
                    assertThat(text).contains(cable.b().device() + ":" + cable.b().port());
                }
                assertThat(occurrences(text, "End A: ")).isEqualTo(site.cables().size());
                assertThat(occurrences(text, "End B: ")).isEqualTo(site.cables().size());
                for (DeviceInfo device : site.devices()) {
                    assertThat(text).contains(device.hostname() + "\n");
                    if (device.serial() != null) {
                        assertThat(text).contains("SN " + device.serial());
                    }
                }
                assertThat(Pdfs.unembeddedFonts(pdf)).isEmpty();
                assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
                // cable labels and device labels start on separate sheets
                assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            }
        }
    }

    /** Issue 13: the title is what the engineer writes on the cable, so a long one wraps instead of being cut. */
    @Test
    void longLabelsAndTheirDetailsArePrintedWhole() throws Exception {
        SiteInventory longNames = LongNameSite.inventory();
        LabelSet labels = LabelSet.of(longNames);
        for (PageSize size : PageSize.values()) {
            try (PDDocument pdf = Pdfs.load(
                    new LabelSheetPdf().render(longNames, ExportOptions.defaults().withPageSize(size)))) {
                String text = Pdfs.text(pdf);
                String joined = withoutWhitespace(text);
                for (Label label : labels.cableLabels()) {
                    assertThat(occurrences(joined, withoutWhitespace(label.title()))).as(size + " " + label.title())
                            .isGreaterThanOrEqualTo(2);
                }
                for (Label label : java.util.stream.Stream.concat(labels.cableLabels().stream(),
                        labels.deviceLabels().stream()).toList()) {
                    assertThat(joined).as(size + " " + label.title()).contains(withoutWhitespace(label.title()));
                    for (String detail : label.details()) {
                        assertThat(joined).as(size + " " + label.title()).contains(withoutWhitespace(detail));
                    }
                }
                assertThat(text).doesNotContain("\u2026");
                assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
            }
        }
    }

    /** Wrapped text comes back with line breaks where it was wrapped. */
    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
