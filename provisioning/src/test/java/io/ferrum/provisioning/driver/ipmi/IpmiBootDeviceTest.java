package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.Timeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot device against a real ipmi_sim with a chassis_control program, which is what lets it keep one. */
class IpmiBootDeviceTest {

    @RegisterExtension
    static final IpmiSimExtension BMC = new IpmiSimExtension(IpmiSim::withChassisControl,
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));

    @Test
    void setsPxeForTheNextBootAndReadsItBack() throws Exception {
        BMC.driver().setBootDevice(BMC.target(), BootDevice.PXE, false);

        assertThat(BMC.sim().chassis("boot")).contains("pxe");
        assertThat(BMC.driver().bootDevice(BMC.target())).contains(BootDevice.PXE);
    }

    @Test
    void setsDiskForEveryBootAndReadsItBack() throws Exception {
        BMC.driver().setBootDevice(BMC.target(), BootDevice.DISK, true);

        // ipmi_sim's name for boot device selector 2, the default hard drive
        assertThat(BMC.sim().chassis("boot")).contains("default");
        assertThat(BMC.driver().bootDevice(BMC.target())).contains(BootDevice.DISK);
    }

    @Test
    void noOverrideReadsAsEmpty() throws Exception {
        BMC.sim().chassis("boot", "none");

        assertThat(BMC.driver().bootDevice(BMC.target())).isEmpty();
    }
}
