package io.ferrum.standards.builtin;

import static io.ferrum.standards.builtin.ColoPodV1Test.cablesByLabel;
import static io.ferrum.standards.builtin.ColoPodV1Test.devicesByHost;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.standards.Examples;
import io.ferrum.standards.desired.DesiredSite;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** What moving a site from colo-pod@1 to colo-pod@2 changes: creates and updates, never renames. */
class ColoPodUpgradeTest {

    private final DesiredSite v1 = new ColoPodV1().design(Examples.parse("small-site.yaml"));
    private final DesiredSite v2 = new ColoPodV2().design(Examples.parse("small-site-v2.yaml"));

    @Test
    void keepsEveryV1DeviceUnderItsNameInTheSamePlace() {
        Map<String, DeviceDraft> after = devicesByHost(v2);

        assertThat(v1.devices()).allSatisfy(device -> assertThat(after.get(device.hostname())).isEqualTo(device));
    }

    @Test
    void keepsEveryV1CableLabelAndEndpoints() {
        Map<String, CableDraft> after = cablesByLabel(v2);

        assertThat(v1.cables()).allSatisfy(cable -> {
            CableDraft same = after.get(cable.label());
            assertThat(same).as(cable.label()).isNotNull();
            assertThat(same.a()).isEqualTo(cable.a());
            assertThat(same.b()).isEqualTo(cable.b());
        });
    }

    @Test
    void addsAConsoleServerPerRackCabledToItsSwitches() {
        Map<String, CableDraft> cables = cablesByLabel(v2);

        assertThat(devicesByHost(v2).get("ams1-r02-console01").role()).isEqualTo(DeviceRole.CONSOLE_SERVER);
        assertThat(devicesByHost(v2).get("ams1-r02-console01").positionU()).isEqualTo(45);
        assertThat(cables.get("ams1-r02-leaf01-console").b()).isEqualTo(new CableDraft.End("ams1-r02-console01", "Port1"));
        assertThat(cables.get("ams1-r02-leaf02-console").b()).isEqualTo(new CableDraft.End("ams1-r02-console01", "Port2"));
        assertThat(cables.get("ams1-r02-mgmt01-console").b()).isEqualTo(new CableDraft.End("ams1-r02-console01", "Port3"));
        assertThat(cables.get("ams1-r02-mgmt01-console").type()).isEqualTo(CableType.CONSOLE);
        assertThat(cables.get("ams1-r02-console01-eth0").b()).isEqualTo(new CableDraft.End("ams1-r02-mgmt01", "Ethernet46"));
        assertThat(v2.addresses()).anyMatch(a -> a.key().equals("ams1/ams1-r02-console01/mgmt"));
    }

    @Test
    void createsOnlyConsoleServersAndTheirCablesAndRecoloursBSideServerCables() {
        Map<String, CableDraft> before = cablesByLabel(v1);

        assertThat(v2.devices()).filteredOn(d -> !v1.devices().contains(d))
                .extracting(DeviceDraft::hostname).containsExactly("ams1-r01-console01", "ams1-r02-console01",
                        "ams1-r03-console01");
        assertThat(v2.cables()).filteredOn(c -> !before.containsKey(c.label())).hasSize(3 * 4);
        assertThat(v2.cables()).filteredOn(c -> before.containsKey(c.label())
                        && !Objects.equals(before.get(c.label()).colour(), c.colour()))
                .allSatisfy(c -> {
                    assertThat(c.label()).endsWith("-eth1");
                    assertThat(c.colour()).isEqualTo("orange");
                    assertThat(before.get(c.label()).colour()).isEqualTo("red");
                })
                .hasSize(12 + 8 + 4);
        assertThat(v2.standard()).isEqualTo("colo-pod@2");
    }
}
