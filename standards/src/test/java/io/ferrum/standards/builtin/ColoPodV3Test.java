package io.ferrum.standards.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressString;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.standards.Examples;
import io.ferrum.standards.definition.DefinitionException;
import io.ferrum.standards.definition.SiteDefinitionParser;
import io.ferrum.standards.desired.DesiredSite;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** colo-pod@3 and the lab site it exists for: the borders' third line card carries hand-offs, not leaf links. */
class ColoPodV3Test {

    private static final IPAddressString BENCHMARKING = new IPAddressString("198.18.0.0/15");

    @Test
    void theLabSiteHasWhatTheLabNeeds() {
        DesiredSite lab = new ColoPodV3().design(Examples.parse("lab-site.yaml"));

        assertThat(lab.devices()).filteredOn(d -> d.role() != DeviceRole.SERVER).hasSizeGreaterThanOrEqualTo(20);
        assertThat(lab.devices()).filteredOn(d -> d.role() == DeviceRole.SERVER).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lab.devices()).extracting(d -> d.role()).contains(DeviceRole.BORDER, DeviceRole.LEAF,
                DeviceRole.MGMT_SWITCH, DeviceRole.CONSOLE_SERVER);
        assertThat(lab.exchangeConnections()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(lab.exchangeConnections().stream().map(c -> c.exchange()).distinct()).hasSizeGreaterThanOrEqualTo(3);
        // Every supernet, so every address anything connects to, is inside the benchmarking range.
        assertThat(lab.prefixes()).allSatisfy(p -> assertThat(BENCHMARKING.contains(new IPAddressString(p.prefix())))
                .as(p.prefix()).isTrue());
    }

    @Test
    void handOffsOnTheThirdLineCardAreRefusedBeforeV3() {
        String v2 = Examples.text("lab-site.yaml").replace("standard: colo-pod@4", "standard: colo-pod@2");

        assertThatThrownBy(() -> new ColoPodV2().design(new SiteDefinitionParser().parse("lab-v2.yaml", v2)))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("exchanges[0].handoffs[0].port: 'Ethernet3/1' is not an external port of "
                        + "arista-7804r3 under colo-pod@2; expected one of Ethernet4/[1-47]");
    }

    @Test
    void theFabricKeepsTwoLineCardsSoThirtySevenRacksAreRefused() {
        StringBuilder racks = new StringBuilder("racks:\n");
        Stream.iterate(1, i -> i + 1).limit(37).forEach(i -> racks.append("  - name: r").append(String.format("%02d", i))
                .append("\n    profile: lab\n    servers: {model: dell-r660, count: 0}\n"));
        String text = Examples.text("lab-site.yaml").replaceAll("(?s)racks:\n.*?(?=network:)", racks.toString())
                .replace("198.18.0.0/24", "198.18.2.0/23").replace("198.18.4.0/23", "198.18.64.0/18")
                .replace("198.18.16.0/20", "198.18.128.0/17");

        assertThatThrownBy(() -> new ColoPodV3().design(new SiteDefinitionParser().parse("37.yaml", text)))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("has 37 racks but colo-pod@3's borders have fabric ports for 36 (72 ports");
    }
}
