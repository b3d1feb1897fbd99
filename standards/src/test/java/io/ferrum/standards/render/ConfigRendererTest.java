package io.ferrum.standards.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.dcim.SiteStatus;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.AsnInfo;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.ExchangeConnectionInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.ipam.IpStatus;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Configs rendered from intent with colo-pod's templates, and how template mistakes are reported. */
class ConfigRendererTest {

    private static final ClassLoader LOADER = ConfigRendererTest.class.getClassLoader();
    private final ConfigRenderer colo = new ConfigRenderer(new ConfigTemplates("colo-pod", 3, LOADER));
    private final SiteInventory pod = pod();

    @Test
    void theShellConfigCarriesIdentityCablingAddressesAndBgpFromIntent() {
        RenderedConfig border = colo.render(pod, pod.device("t1-border01").orElseThrow(), RenderTarget.SHELL);

        assertThat(border.template()).isEqualTo("templates/colo-pod/shell/device.j2");
        assertThat(border.text().lines()).contains(
                "hostname = t1-border01",
                "interface.Loopback0.address = 198.18.8.1/32",
                "interface.Ethernet1/1.description = to t1-r01-leaf01 Ethernet49",
                "interface.Ethernet1/1.enabled = true",
                "interface.Ethernet1/1.address = 198.18.10.1/31",
                "interface.Ethernet3/1.description = XAMS hand-off XAMS-0001",
                "interface.Ethernet3/1.address = 198.19.0.0/31",
                // a port intent disabled, and one with nothing on it: both shut
                "interface.Ethernet3/2.description = XAMS hand-off XAMS-0002",
                "interface.Ethernet3/2.enabled = false",
                "interface.Ethernet1/2.enabled = false",
                "router.bgp.asn = 4200010001",
                "router.bgp.router-id = 198.18.8.1",
                "router.bgp.neighbor.198.18.10.0.remote-as = 4200010002",
                "router.bgp.neighbor.198.18.10.0.description = t1-r01-leaf01 via Ethernet1/1");
        // every line is one the device shell accepts: a comment or key = value
        assertThat(border.text().lines().filter(l -> !l.isBlank()))
                .allSatisfy(l -> assertThat(l).matches("#.*|[^=]+ = .*"));
        assertThat(border.sha256()).hasSize(64)
                .isEqualTo(colo.render(pod, pod.device("t1-border01").orElseThrow(), RenderTarget.SHELL).sha256());
    }

    @Test
    void aDeviceWithoutLoopbackAsnOrCablesRendersWithoutBgp() {
        for (RenderTarget target : RenderTarget.values()) {
            RenderedConfig mgmt = colo.render(pod, pod.device("t1-mgmt01").orElseThrow(), target);

            assertThat(mgmt.text()).contains("t1-mgmt01").doesNotContain("bgp").doesNotContain("Loopback0");
        }
    }

    @Test
    void theNetconfConfigIsWellFormedXmlForTheLabModel() throws Exception {
        RenderedConfig leaf = colo.render(pod, pod.device("t1-r01-leaf01").orElseThrow(), RenderTarget.NETCONF);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                ("<config>" + leaf.text() + "</config>").getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("hostname").item(0).getTextContent()).isEqualTo("t1-r01-leaf01");
        assertThat(leaf.text()).contains("<name>Ethernet49</name>", "<description>to t1-border01 Ethernet1/1</description>",
                "<address>198.18.10.0/31</address>", "<asn>4200010002</asn>", "<remote-as>4200010001</remote-as>");
    }

    @Test
    void aTemplateMistakeNamesTheTemplateLineAndDevice() {
        ConfigRenderer probe = new ConfigRenderer(new ConfigTemplates("probe", 1, LOADER));

        assertThatThrownBy(() -> probe.render(pod, pod.device("t1-border01").orElseThrow(), RenderTarget.SHELL))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("templates/probe/shell/device.j2:3")
                .hasMessageContaining("sped")
                .hasMessageContaining("t1-border01")
                .satisfies(e -> assertThat(((TemplateRenderException) e).line()).isEqualTo(3));
    }

    @Test
    void aVersionsOwnTemplateWinsOverTheSharedOneAndAMissingOneIsNamed() {
        ConfigRenderer v2 = new ConfigRenderer(new ConfigTemplates("probe", 2, LOADER));

        assertThat(v2.render(pod, pod.device("t1-r01-leaf01").orElseThrow(), RenderTarget.SHELL).text())
                .isEqualTo("hostname = t1-r01-leaf01\nversion = two\n");
        assertThatThrownBy(() -> v2.render(pod, pod.device("t1-r01-leaf01").orElseThrow(), RenderTarget.NETCONF))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("no netconf template for role leaf")
                .hasMessageContaining("templates/probe@2/netconf/leaf.j2");
    }

    private static SiteInventory pod() {
        DeviceInfo border = device("t1-border01", DeviceRole.BORDER, "198.18.0.3", List.of(
                port("Ethernet1/1", true), port("Ethernet1/2", true), port("Ethernet3/1", true),
                port("Ethernet3/2", false), new PortInfo("Management1", PortKind.MGMT, 1000, "rj45", null, true, null),
                new PortInfo("Console", PortKind.CONSOLE, null, "rj45", null, true, null)));
        DeviceInfo leaf = device("t1-r01-leaf01", DeviceRole.LEAF, "198.18.0.6", List.of(
                port("Ethernet49", true), new PortInfo("Management1", PortKind.MGMT, 1000, "rj45", null, true, null)));
        DeviceInfo mgmt = new DeviceInfo("t1-mgmt01", DeviceRole.MGMT_SWITCH, "Arista", "CCS", "ccs", 1, false, 50, 80,
                null, null, DeviceStatus.PLANNED, null, null, null, null, null, null, List.of(port("Ethernet1", true)),
                Set.of());
        List<CableInfo> cables = List.of(new CableInfo("t1-r01-leaf01-ethernet49",
                new CableInfo.CableEnd("t1-r01-leaf01", "Ethernet49"), new CableInfo.CableEnd("t1-border01", "Ethernet1/1"),
                CableType.DAC, "aqua", new BigDecimal("3"), CableStatus.PLANNED));
        List<AddressInfo> addresses = List.of(
                address("198.18.0.3/24", "t1-border01", "Management1", "t1/t1-border01/mgmt"),
                address("198.18.0.6/24", "t1-r01-leaf01", "Management1", "t1/t1-r01-leaf01/mgmt"),
                address("198.18.8.1/32", null, null, "t1/t1-border01/loopback"),
                address("198.18.8.2/32", null, null, "t1/t1-r01-leaf01/loopback"),
                address("198.18.10.0/31", "t1-r01-leaf01", "Ethernet49", "t1/x/p2p"),
                address("198.18.10.1/31", "t1-border01", "Ethernet1/1", "t1/y/p2p"),
                address("198.19.0.0/31", "t1-border01", "Ethernet3/1", "t1/z/exchange"));
        return new SiteInventory(new SiteInfo("t1", "Test 1", null, "UTC", SiteStatus.PLANNED), List.of(),
                List.of(border, leaf, mgmt), cables, List.of(), addresses, List.of(
                        new ExchangeConnectionInfo("XAMS", "XAMS-0001", "t1-border01", List.of("Ethernet3/1"), "xams",
                                ConnectionStatus.ACTIVE),
                        new ExchangeConnectionInfo("XAMS", "XAMS-0002", "t1-border01", List.of("Ethernet3/2"), "xams",
                                ConnectionStatus.KILLED)),
                List.of(new AsnInfo(4200010001L, "t1/t1-border01/asn", null),
                        new AsnInfo(4200010002L, "t1/t1-r01-leaf01/asn", null)));
    }

    private static DeviceInfo device(String hostname, DeviceRole role, String ip, List<PortInfo> ports) {
        return new DeviceInfo(hostname, role, "Arista", "DCS", "dcs", 1, false, 100, 200, "S-" + hostname, null,
                DeviceStatus.PLANNED, "n01", RackFace.FRONT, 1, null, ip, null, ports, Set.of());
    }

    private static PortInfo port(String name, boolean enabled) {
        return new PortInfo(name, PortKind.DATA, 100_000, "qsfp28", null, enabled, null);
    }

    private static AddressInfo address(String address, String device, String port, String key) {
        return new AddressInfo(null, address, device, port, null, IpStatus.ACTIVE, key);
    }
}
