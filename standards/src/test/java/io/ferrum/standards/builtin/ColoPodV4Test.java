package io.ferrum.standards.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.standards.Examples;
import io.ferrum.standards.desired.DesiredSite;
import org.junit.jupiter.api.Test;

/** colo-pod@4: v3's design, with each network device's software platform so firmware can be desired per platform. */
class ColoPodV4Test {

    @Test
    void networkDevicesRunTheirManufacturersPlatformAndServersNone() {
        DesiredSite lab = new ColoPodV4().design(Examples.parse("lab-site.yaml"));

        assertThat(lab.platforms()).containsExactly(new DesiredSite.PlatformSpec("eos", "eos"),
                new DesiredSite.PlatformSpec("opengear", "linux"));
        assertThat(lab.devices()).filteredOn(d -> d.role() == DeviceRole.CONSOLE_SERVER)
                .isNotEmpty().extracting(DeviceDraft::platform).containsOnly("opengear");
        assertThat(lab.devices()).filteredOn(d -> d.role() == DeviceRole.BORDER || d.role() == DeviceRole.LEAF
                        || d.role() == DeviceRole.MGMT_SWITCH)
                .isNotEmpty().extracting(DeviceDraft::platform).containsOnly("eos");
        assertThat(lab.devices()).filteredOn(d -> d.role() == DeviceRole.SERVER)
                .isNotEmpty().extracting(DeviceDraft::platform).containsOnly((String) null);
    }

    @Test
    void apartFromPlatformsTheDesignIsV3s() {
        DesiredSite v3 = new ColoPodV3().design(Examples.parse("lab-site.yaml"));
        DesiredSite v4 = new ColoPodV4().design(Examples.parse("lab-site.yaml"));

        assertThat(v4.devices()).extracting(DeviceDraft::hostname)
                .containsExactlyElementsOf(v3.devices().stream().map(DeviceDraft::hostname).toList());
        assertThat(v4.cables()).isEqualTo(v3.cables());
        assertThat(v4.exchangeConnections()).isEqualTo(v3.exchangeConnections());
        assertThat(v3.platforms()).isEmpty();
    }
}
