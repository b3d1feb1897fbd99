package io.ferrum.exporters.portmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Csv;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortMapCsvTest {

    private final SiteInventory site = TinySite.inventory();

    @Test
    void everyPortWithItsPeer() {
        List<List<String>> rows = Csv.parse(new PortMapCsv().render(site, ExportOptions.defaults()));
        assertThat(rows.get(0)).isEqualTo(PortMapCsv.HEADER);
        assertThat(rows).hasSize(1 + site.devices().stream().mapToInt(d -> d.ports().size()).sum());
        for (CableInfo cable : site.cables()) {
            List<String> a = rows.stream().filter(r -> r.get(0).equals(cable.a().device()) && r.get(3).equals(cable.a().port()))
                    .findFirst().orElseThrow();
            assertThat(a.subList(9, 12)).containsExactly(cable.label(), cable.b().device(), cable.b().port());
            List<String> b = rows.stream().filter(r -> r.get(0).equals(cable.b().device()) && r.get(3).equals(cable.b().port()))
                    .findFirst().orElseThrow();
            assertThat(b.subList(9, 12)).containsExactly(cable.label(), cable.a().device(), cable.a().port());
        }
        List<String> mgmt1Ports = rows.stream().filter(r -> r.get(0).equals("mgmt1")).map(r -> r.get(3)).toList();
        assertThat(mgmt1Ports).containsExactly("Gi1", "Gi2", "Gi10", "Management1");
    }

    @Test
    void oneRackOnRequest() {
        List<List<String>> rows = Csv.parse(new PortMapCsv().render(site, ExportOptions.defaults().withRack("r02")));
        assertThat(rows.stream().skip(1).map(r -> r.get(1)).distinct()).containsExactly("r02");
    }
}
