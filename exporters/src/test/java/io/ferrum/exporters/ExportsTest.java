package io.ferrum.exporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.model.inventory.SiteInventory;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExportsTest {

    private final Exports exports = Exports.builtIn();

    static Stream<String> kinds() {
        return Exports.builtIn().kinds().stream();
    }

    @Test
    void registersEveryKindTheIssueAsksFor() {
        assertThat(exports.kinds()).contains("cable-schedule-csv", "cable-schedule-xlsx", "build-pack-pdf",
                "rack-elevation-svg", "labels-pdf", "bom-csv", "work-order-pdf", "prometheus-sd", "dns-zone",
                "dhcp-dnsmasq", "dhcp-kea", "ansible-inventory");
        assertThat(exports.find("dns-zone")).isPresent().get().extracting(Export::kind).isEqualTo("dns-zone");
        assertThat(exports.find("fax")).isEmpty();
    }

    @Test
    void unknownKindNamesTheKnownOnes() {
        assertThatThrownBy(() -> exports.require("fax"))
                .isInstanceOf(UnknownExportKindException.class)
                .hasMessageContaining("'fax'")
                .hasMessageContaining("cable-schedule-csv")
                .hasMessageContaining("ansible-inventory");
    }

    @Test
    void rejectsTwoExportsOfOneKind() {
        Export csv = exports.require("bom-csv");
        assertThatThrownBy(() -> new Exports(List.of(csv, csv))).hasMessageContaining("bom-csv");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sameIntentGivesIdenticalBytes(String kind) {
        Export export = exports.require(kind);
        // two separately built but equal inventories, rendered apart in time
        byte[] first = export.render(TinySite.inventory(), ExportOptions.defaults());
        byte[] second = export.render(TinySite.inventory(), ExportOptions.defaults());
        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void hasContentTypeAndFileNameOfTheSite(String kind) {
        Export export = exports.require(kind);
        SiteInventory site = TinySite.inventory();
        assertThat(export.contentType()).isNotBlank();
        assertThat(export.fileName(site, ExportOptions.defaults()))
                .matches("[a-z0-9._-]+")
                .satisfiesAnyOf(name -> assertThat(name).startsWith("fra1-"), name -> assertThat(name).contains("fra1"),
                        name -> assertThat(name).endsWith("in-addr.arpa.zone"));
    }

    @Test
    void documentDateIsTheOnlyTimeInPdfs() {
        Export pack = exports.require("build-pack-pdf");
        byte[] fixed = pack.render(TinySite.inventory(), ExportOptions.defaults());
        byte[] dated = pack.render(TinySite.inventory(),
                ExportOptions.defaults().withDocumentDate(Instant.parse("2026-11-22T00:00:00Z")));
        assertThat(dated).isNotEqualTo(fixed);
    }

    @Test
    void pageSizeParsesWireValues() {
        assertThat(PageSize.of("Letter")).isEqualTo(PageSize.LETTER);
        assertThatThrownBy(() -> PageSize.of("a3")).hasMessageContaining("a4, letter");
    }
}
