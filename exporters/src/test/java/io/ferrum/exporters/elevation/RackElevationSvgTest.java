package io.ferrum.exporters.elevation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RackElevationSvgTest {

    private final SiteInventory site = TinySite.inventory();

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private static List<Element> elements(Element root, String tag, String cssClass) {
        NodeList nodes = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (cssClass == null || cssClass.equals(element.getAttribute("class"))) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element face(Document svg, String rack, RackFace face) {
        Element rackGroup = elements(svg.getDocumentElement(), "g", "rack").stream()
                .filter(g -> g.getAttribute("data-rack").equals(rack)).findFirst().orElseThrow();
        return elements(rackGroup, "g", "face").stream()
                .filter(g -> g.getAttribute("data-face").equals(face.wire())).findFirst().orElseThrow();
    }

    @Test
    void everySlottedDeviceIsDrawnOnItsFaceAtItsU() throws Exception {
        Document svg = parse(new RackElevationSvg().render(site, ExportOptions.defaults()));
        for (DeviceInfo device : site.devices()) {
            if (device.rack() == null || device.positionU() == null || device.uHeight() == 0) {
                continue;
            }
            Element own = elements(face(svg, device.rack(), device.face()), "g", "device").stream()
                    .filter(g -> g.getAttribute("data-device").equals(device.hostname())
                            && !g.hasAttribute("data-other-face"))
                    .findFirst().orElseThrow(() -> new AssertionError(device.hostname() + " missing"));
            assertThat(own.getAttribute("data-u")).isEqualTo(device.positionU().toString());
            assertThat(own.getAttribute("data-height")).isEqualTo(Integer.toString(device.uHeight()));
            assertThat(elements(own, "rect", null).get(0).getAttribute("fill")).isEqualTo(RoleColours.fill(device.role()));
            assertThat(own.getTextContent()).contains(device.hostname()).contains(device.model());

            RackFace other = device.face() == RackFace.FRONT ? RackFace.REAR : RackFace.FRONT;
            boolean onOtherFace = elements(face(svg, device.rack(), other), "g", "device").stream()
                    .anyMatch(g -> g.getAttribute("data-device").equals(device.hostname()));
            assertThat(onOtherFace).as("%s full depth %s", device.hostname(), device.fullDepth())
                    .isEqualTo(device.fullDepth());
        }
    }

    @Test
    void serialsAreShownOnTheBoxes() throws Exception {
        Document svg = parse(new RackElevationSvg().render(site, ExportOptions.defaults()));
        Element srv1 = elements(face(svg, "r01", RackFace.FRONT), "g", "device").stream()
                .filter(g -> g.getAttribute("data-device").equals("srv1")).findFirst().orElseThrow();
        assertThat(srv1.getTextContent()).contains("SN SRV0001");
    }

    @Test
    void eachFaceIsNumberedFromOneToTheRackHeight() throws Exception {
        Document svg = parse(new RackElevationSvg().render(site, ExportOptions.defaults()));
        for (RackFace face : RackFace.values()) {
            List<String> numbers = elements(face(svg, "r01", face), "text", "u").stream()
                    .map(Element::getTextContent).toList();
            assertThat(numbers).hasSize(42).contains("1", "42").doesNotHaveDuplicates();
        }
    }

    @Test
    void zeroUDevicesAreListedUnderTheRack() throws Exception {
        Document svg = parse(new RackElevationSvg().render(site, ExportOptions.defaults()));
        assertThat(elements(svg.getDocumentElement(), "text", "unslotted"))
                .extracting(e -> e.getAttribute("data-device")).containsExactly("pdu1");
    }

    @Test
    void oneRackOnRequest() throws Exception {
        RackElevationSvg export = new RackElevationSvg();
        Document svg = parse(export.render(site, ExportOptions.defaults().withRack("r02")));
        assertThat(elements(svg.getDocumentElement(), "g", "rack")).extracting(g -> g.getAttribute("data-rack"))
                .containsExactly("r02");
        assertThat(export.fileName(site, ExportOptions.defaults().withRack("r02"))).isEqualTo("fra1-r02-elevation.svg");
        assertThatThrownBy(() -> export.render(site, ExportOptions.defaults().withRack("r99")))
                .hasMessageContaining("r99");
    }

    @Test
    void devicesBeyondTheRackAreListedNotDrawn() throws Exception {
        DeviceInfo tall = io.ferrum.exporters.fixtures.Devices.device("tall1", io.ferrum.model.dcim.DeviceRole.OTHER,
                "Acme", "Tower", 4, false, 100, "T1", "r02", RackFace.FRONT, 41, null, null, List.of());
        List<DeviceInfo> devices = new ArrayList<>(site.devices());
        devices.add(tall);
        SiteInventory withTall = new SiteInventory(site.site(), site.racks(), devices, site.cables(), site.prefixes(),
                site.addresses(), site.exchangeConnections());
        Document svg = parse(new RackElevationSvg().render(withTall, ExportOptions.defaults()));
        assertThat(elements(face(svg, "r02", RackFace.FRONT), "g", "device"))
                .noneMatch(g -> g.getAttribute("data-device").equals("tall1"));
        assertThat(elements(svg.getDocumentElement(), "text", "unslotted"))
                .extracting(e -> e.getAttribute("data-device")).contains("tall1");
    }
}
