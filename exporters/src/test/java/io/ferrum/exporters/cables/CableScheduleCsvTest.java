package io.ferrum.exporters.cables;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Csv;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CableScheduleCsvTest {

    private final SiteInventory site = TinySite.inventory();
    private final byte[] bytes = new CableScheduleCsv().render(site, ExportOptions.defaults());
    private final List<List<String>> rows = Csv.parse(bytes);

    @Test
    void headerIsTheLabContract() {
        assertThat(String.join(",", rows.get(0)))
                .isEqualTo("label,a_rack,a_u,a_device,a_port,b_rack,b_u,b_device,b_port,type,colour,length_m,status");
    }

    @Test
    void utf8WithoutBomAndUnixLineEnds() {
        assertThat(bytes[0]).isEqualTo((byte) 'l');
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void oneRowPerCableMatchingTheIntent() {
        Map<String, DeviceInfo> devices = site.devices().stream()
                .collect(Collectors.toMap(DeviceInfo::hostname, Function.identity()));
        List<List<String>> body = rows.subList(1, rows.size());
        assertThat(body).hasSize(site.cables().size());
        for (CableInfo cable : site.cables()) {
            List<String> row = body.stream().filter(r -> r.get(0).equals(cable.label())).findFirst().orElseThrow();
            DeviceInfo a = devices.get(cable.a().device());
            DeviceInfo b = devices.get(cable.b().device());
            assertThat(row).containsExactly(cable.label(),
                    a.rack(), String.valueOf(a.positionU()), cable.a().device(), cable.a().port(),
                    b.rack(), String.valueOf(b.positionU()), cable.b().device(), cable.b().port(),
                    cable.type().wire(), cable.colour(), row.get(11), cable.status().wire());
            assertThat(new BigDecimal(row.get(11))).isEqualByComparingTo(cable.lengthM());
            assertThat(row.get(11)).contains(".");
        }
    }

    @Test
    void lengthsKeepOneDecimalAtLeast() {
        Map<String, String> length = rows.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r.get(11)));
        assertThat(length).containsEntry("C0001", "3.0").containsEntry("C0003", "10.0")
                .containsEntry("C0010", "2.5").containsEntry("C0011", "0.75");
    }

    @Test
    void quotesCommasAndQuotes() {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains(",\"blue, light\",").contains(",\"blue \"\"sky\"\"\",");
    }

    @Test
    void sortedForTheInstallersWalk() {
        List<String> walk = rows.stream().skip(1).map(r -> r.get(1) + "/" + r.get(2) + "/" + r.get(0)).toList();
        // mgmt1 (U41) with its ports in natural order Gi1, Gi2, Gi10; then leaf1 (U42); then rack r02
        assertThat(walk).containsExactly("r01/41/C0010", "r01/41/C0011", "r01/41/C0012", "r01/42/C0001",
                "r01/42/C0003", "r02/42/C0002");
    }
}
