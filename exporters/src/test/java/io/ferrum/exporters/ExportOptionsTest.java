package io.ferrum.exporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.exporters.fixtures.TinySite;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportOptionsTest {

    @Test
    void defaultsFollowTheSite() {
        ExportOptions options = ExportOptions.defaults();
        assertThat(options.pageSize()).isEqualTo(PageSize.A4);
        assertThat(options.domainFor(TinySite.inventory().site())).isEqualTo("fra1.ferrum.internal");
        assertThat(options.documentDate()).isEqualTo(ExportOptions.FIXED_DOCUMENT_DATE);
    }

    @Test
    void parametersMapOntoOptions() {
        ExportOptions options = ExportOptions.fromParameters(Map.of("page-size", "letter", "rack", "r02",
                "dns-domain", "dc.example.net.", "dns-serial", "42", "prometheus-port", "9273",
                "document-date", "2026-11-22T03:00:00Z", "reverse-zone", " "));
        assertThat(options.pageSize()).isEqualTo(PageSize.LETTER);
        assertThat(options.rack()).isEqualTo("r02");
        assertThat(options.domainFor(TinySite.inventory().site())).isEqualTo("dc.example.net");
        assertThat(options.dnsSerial()).isEqualTo(42L);
        assertThat(options.prometheusPort()).isEqualTo(9273);
        assertThat(options.documentDate()).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
        assertThat(options.reverseZone()).isNull();
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> ExportOptions.fromParameters(Map.of("paper", "a4")))
                .hasMessageContaining("'paper'").hasMessageContaining("page-size");
        assertThatThrownBy(() -> ExportOptions.fromParameters(Map.of("dns-serial", "tomorrow")))
                .hasMessageContaining("dns-serial").hasMessageContaining("tomorrow");
    }
}
