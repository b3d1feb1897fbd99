package io.ferrum.exporters.bom;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Csv;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.inventory.SiteInventory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillOfMaterialsTest {

    private final SiteInventory site = TinySite.inventory();
    private final BillOfMaterials bom = BillOfMaterials.of(site);

    @Test
    void quantitiesAddUpToTheIntent() {
        assertThat(bom.devices().stream().mapToInt(DeviceLine::quantity).sum()).isEqualTo(site.devices().size());
        assertThat(bom.cables().stream().mapToInt(CableLine::quantity).sum()).isEqualTo(site.cables().size());
        assertThat(bom.devices()).contains(new DeviceLine("Dell", "PowerEdge R650", "poweredge-r650", 2, 450, 3));
    }

    @Test
    void cablesOfOneTypeLengthAndColourAreOneLineWhateverTheScale() {
        // C0001 is "3" and C0002 "3.0": the same cable to order
        assertThat(bom.cables()).contains(new CableLine(CableType.DAC, new BigDecimal("3"), "black", 2));
    }

    @Test
    void opticsAreCountedPerEndOfFibreCables() {
        assertThat(bom.optics()).containsExactly(new OpticLine("100gbase-lr4", 100000, 2));
    }

    @Test
    void csvHasOneRowPerLine() {
        List<List<String>> rows = Csv.parse(new BomCsv().render(site, ExportOptions.defaults()));
        assertThat(rows.get(0)).isEqualTo(BomCsv.HEADER);
        assertThat(rows).hasSize(1 + bom.devices().size() + bom.cables().size() + bom.optics().size());
        assertThat(rows).contains(List.of("cable", "", "", "cat6", "0.75", "blue, light", "", "1"),
                List.of("optic", "", "100gbase-lr4", "", "", "", "100000", "2"));
    }
}
