package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.assurance.observe.ObservationSnapshots;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A device's intended and observed state in the console, in a real browser. The collector is on (it holds the audit
 * intent the comparison needs) but polls nothing: the test's devices have no management address, and the picture
 * is recorded straight into the snapshots, as a poll would.
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
@TestPropertySource(properties = {"ferrum.assurance.collector.enabled=true",
    "ferrum.assurance.collector.sites=uidev1", "ferrum.assurance.collector.traps.enabled=false"})
class DeviceConsoleTest extends BrowserTestBase {

    @Autowired
    ObservationSnapshots snapshots;

    @Test
    void clickingADeviceShowsItsFactsAndPortsIntendedAndObservedWithTheDriftMarked() {
        assertThat(admin.post("/api/v1/sites", map("code", "uidev1", "name", "Console device site")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/device-types", map("slug", "uidev-switch", "manufacturer", "Acme",
                "model", "U4", "uHeight", 1, "portTemplates", List.of(map("namePattern", "Ethernet[1-4]", "kind",
                        "data", "speedMbps", 10000, "media", "sfp+")))).status()).isEqualTo(201);
        for (String host : List.of("uidev1-leaf01", "uidev1-leaf02")) {
            assertThat(admin.post("/api/v1/devices", map("site", "uidev1", "hostname", host, "role", "leaf",
                    "deviceType", "uidev-switch", "serial", "SN-" + host)).status()).isEqualTo(201);
        }
        String label = "UIDEV-C1";
        var cable = admin.post("/api/v1/cables", map("label", label, "a", map("device", "uidev1-leaf01", "port", "Ethernet1"),
                "b", map("device", "uidev1-leaf02", "port", "Ethernet1"), "type", "dac"));
        assertThat(cable.status()).as(cable.body()).isEqualTo(201);
        // racked with another chassis, and Ethernet1 reaches the wrong far end
        snapshots.record("uidev1", new DeviceObservation("uidev1-leaf01", Instant.now(), null, "uidev1-leaf01",
                "SN-SWAPPED", null, null, List.of(new InterfaceObservation("Ethernet1", true, true, List.of())),
                List.of(new NeighbourObservation("Ethernet1", "rogue01", "eth9"))));

        open("admin", ADMIN_PASSWORD, "#sites");
        // rows are re-rendered as the site loads: a click on a row just replaced is tried again
        await(b1 -> {
            b1.findElement(By.xpath("//tbody[@id='site-rows']/tr[td[1][text()='uidev1']]")).click();
            return true;
        });
        await(b2 -> {
            b2.findElement(By.xpath("//tbody[@id='device-rows']/tr[td[1][text()='uidev1-leaf01']]")).click();
            return b2.findElement(By.id("device-title")).getText().startsWith("uidev1-leaf01") ? true : null;
        });

        String serial = awaitText(By.cssSelector("#fact-rows tr[data-fact='serial']"),
                text -> text.contains("SN-SWAPPED"));
        assertThat(serial).isEqualTo("serial SN-uidev1-leaf01 SN-SWAPPED serial");
        assertThat(browser.findElement(By.cssSelector("#fact-rows tr[data-fact='serial']")).getAttribute("class"))
                .contains("drift");
        String port = browser.findElement(By.cssSelector("#port-rows tr[data-port='Ethernet1']")).getText();
        assertThat(port).contains(label, "uidev1-leaf02:Ethernet1", "rogue01:eth9", "cabling-miswired");
        assertThat(browser.findElement(By.cssSelector("#fact-rows tr[data-fact='hostname']")).getText())
                .isEqualTo("hostname uidev1-leaf01 uidev1-leaf01");
        assertThat(browser.findElement(By.id("device-age")).getText()).contains("drift");
    }
}
