package io.ferrum.exporters.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.Devices;
import io.ferrum.exporters.fixtures.LongNameSite;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Csv;
import io.ferrum.exporters.support.Pdfs;
import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

    private final SiteInventory before = TinySite.inventory();

    /** The tiny site after a plan: srv3 added, srv2 moved up, spare1 scrapped, cables changed. */
    private SiteInventory after() {
        List<DeviceInfo> devices = new ArrayList<>();
        for (DeviceInfo d : before.devices()) {
            if (d.hostname().equals("spare1")) {
                continue;
            }
            if (d.hostname().equals("srv2")) {
                d = new DeviceInfo(d.hostname(), d.role(), d.manufacturer(), d.model(), d.deviceType(), d.uHeight(),
                        d.fullDepth(), d.typicalPowerW(), d.maxPowerW(), d.serial(), d.assetTag(), d.status(), d.rack(),
                        d.face(), 14, d.platform(), d.primaryIp(), d.desiredFirmware(), d.ports(), d.tags());
            }
            devices.add(d);
        }
        devices.add(Devices.device("srv3", DeviceRole.SERVER, "Dell", "PowerEdge R650", 2, true, 450, "SRV0003", "r01",
                RackFace.FRONT, 12, "ubuntu", null, List.of(Devices.data("eth0", 25000, "sfp28"))));
        List<CableInfo> cables = new ArrayList<>();
        for (CableInfo c : before.cables()) {
            switch (c.label()) {
                case "C0012" -> { } // removed
                case "C0001" -> cables.add(new CableInfo(c.label(), c.a(), new CableInfo.CableEnd("srv1", "eth1"),
                        c.type(), c.colour(), c.lengthM(), c.status()));
                case "C0003" -> cables.add(new CableInfo(c.label(), c.a(), c.b(), c.type(), c.colour(),
                        new BigDecimal("15"), c.status()));
                default -> cables.add(c);
            }
        }
        cables.add(new CableInfo("C0004", new CableInfo.CableEnd("leaf1", "Ethernet2"),
                new CableInfo.CableEnd("srv3", "eth0"), CableType.DAC, "black", new BigDecimal("3"), CableStatus.PLANNED));
        return new SiteInventory(before.site(), before.racks(), devices, cables, before.prefixes(), before.addresses(),
                before.exchangeConnections());
    }

    @Test
    void listsOnlyTheDeltaInTheOrderItIsDone() {
        WorkOrder order = WorkOrder.between(before, after());
        assertThat(order.devices()).extracting(c -> c.action() + " " + c.hostname())
                .containsExactly("REMOVE spare1", "MOVE srv2", "ADD srv3");
        assertThat(order.cables()).extracting(c -> c.action() + " " + c.label())
                .containsExactly("REMOVE C0012", "REPATCH C0001", "REPLACE C0003", "ADD C0004");
        DeviceChange move = order.devices().get(1);
        assertThat(DeviceChange.place(move.before())).isEqualTo("r02 U10 front");
        assertThat(DeviceChange.place(move.after())).isEqualTo("r02 U14 front");
        assertThat(order.cables().get(1).before().b().port()).isEqualTo("eth0");
        assertThat(order.cables().get(1).after().b().port()).isEqualTo("eth1");
    }

    @Test
    void sameIntentNeedsNoWork() {
        assertThat(WorkOrder.between(before, TinySite.inventory()).isEmpty()).isTrue();
    }

    @Test
    void pdfAndCsvShowTheChanges() throws Exception {
        WorkOrder order = WorkOrder.between(before, after());
        try (PDDocument pdf = Pdfs.load(new WorkOrderPdf().render(order, ExportOptions.defaults()))) {
            String text = Pdfs.text(pdf);
            assertThat(text).contains("1 to remove, 1 to move, 1 to add", "1 to re-patch", "1 to replace")
                    .contains("spare1", "srv2", "r02 U14 front", "srv3", "C0012", "C0001", "C0004")
                    .doesNotContain("C0010");
            assertThat(Pdfs.unembeddedFonts(pdf)).isEmpty();
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
        }
        List<List<String>> rows = Csv.parse(new WorkOrderCsv().render(order));
        assertThat(rows.get(0)).isEqualTo(WorkOrderCsv.HEADER);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + " " + r.get(2)).containsExactly(
                "remove spare1", "move srv2", "add srv3", "remove C0012", "repatch C0001", "replace C0003", "add C0004");
    }

    @Test
    void registryKindBuildsTheWholeSiteFromScratch() throws Exception {
        List<List<String>> rows = Csv.parse(new WorkOrderCsv().render(before, ExportOptions.defaults()));
        assertThat(rows).hasSize(1 + before.devices().size() + before.cables().size());
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).distinct()).containsExactly("add");
    }

    /** Issue 13: cable labels and hostnames in the Name column, and the ends in Before and After, are never cut. */
    @Test
    void longNamesArePrintedWholeInTheWorkOrder() throws Exception {
        SiteInventory longNames = LongNameSite.inventory();
        WorkOrder order = WorkOrder.fromScratch(longNames);
        try (PDDocument pdf = Pdfs.load(new WorkOrderPdf().render(order, ExportOptions.defaults()))) {
            String text = Pdfs.text(pdf);
            String joined = withoutWhitespace(text);
            for (CableInfo cable : longNames.cables()) {
                assertThat(joined).as(cable.label()).contains(cable.label(),
                        withoutWhitespace(cable.a().device() + ":" + cable.a().port()),
                        withoutWhitespace(cable.b().device() + ":" + cable.b().port()));
            }
            for (DeviceInfo device : longNames.devices()) {
                assertThat(joined).contains(device.hostname());
            }
            assertThat(text).doesNotContain("\u2026");
            assertThat(Pdfs.glyphsOutsidePage(pdf)).isEmpty();
        }
    }

    /** Wrapped cell text comes back with line breaks where it was wrapped. */
    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
