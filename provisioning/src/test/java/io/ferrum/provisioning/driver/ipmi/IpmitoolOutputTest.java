package io.ferrum.provisioning.driver.ipmi;

import org.junit.jupiter.api.Test;

import static io.ferrum.provisioning.driver.ipmi.CapturedOutput.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpmitoolOutputTest {

    @Test
    void readsPowerStatus() throws Exception {
        assertThat(IpmitoolOutput.powerState(read("power-status-on.stdout"))).isEqualTo(PowerState.ON);
        assertThat(IpmitoolOutput.powerState(read("power-status-off.stdout"))).isEqualTo(PowerState.OFF);
    }

    @Test
    void powerStatusWithoutItsLineIsUnexpected() {
        assertThatThrownBy(() -> IpmitoolOutput.powerState("Chassis Power is unknown\n"))
                .isInstanceOf(IpmitoolOutput.UnexpectedOutput.class)
                .hasMessageContaining("Chassis Power is unknown");
        assertThatThrownBy(() -> IpmitoolOutput.powerState(""))
                .isInstanceOf(IpmitoolOutput.UnexpectedOutput.class)
                .hasMessageContaining("(nothing)");
    }

    @Test
    void acceptsTheLinesPowerControlPrints() throws Exception {
        IpmitoolOutput.expectLine("Chassis Power Control: Up/On").parse(read("power-on.stdout"));
        IpmitoolOutput.expectLine("Chassis Power Control: Down/Off").parse(read("power-off.stdout"));
        IpmitoolOutput.expectLine("Chassis Power Control: Cycle").parse(read("power-cycle.stdout"));
        IpmitoolOutput.expectLine("Set Boot Device to pxe").parse(read("bootdev-pxe.stdout"));
        IpmitoolOutput.expectLine("Set Boot Device to disk").parse(read("bootdev-disk-persistent.stdout"));
    }

    @Test
    void anotherLineIsUnexpected() {
        assertThatThrownBy(() -> IpmitoolOutput.expectLine("Chassis Power Control: Up/On").parse(read("power-off.stdout")))
                .isInstanceOf(IpmitoolOutput.UnexpectedOutput.class)
                .hasMessageContaining("expected 'Chassis Power Control: Up/On'")
                .hasMessageContaining("Down/Off");
    }

    @Test
    void readsTheBootDeviceSelector() throws Exception {
        assertThat(IpmitoolOutput.bootDevice(read("bootparam-pxe.stdout"))).contains(BootDevice.PXE);
        assertThat(IpmitoolOutput.bootDevice(read("bootparam-disk.stdout"))).contains(BootDevice.DISK);
        assertThat(IpmitoolOutput.bootDevice(read("bootparam-none.stdout"))).isEmpty();
    }

    @Test
    void aDeviceFerrumDoesNotSetReadsAsNone() throws Exception {
        String bios = read("bootparam-pxe.stdout").replace("Force PXE", "Force Boot into BIOS Setup");

        assertThat(IpmitoolOutput.bootDevice(bios)).isEmpty();
    }

    @Test
    void bootParameterWithoutASelectorIsUnexpected() {
        assertThatThrownBy(() -> IpmitoolOutput.bootDevice("Boot parameter version: 1\n"))
                .isInstanceOf(IpmitoolOutput.UnexpectedOutput.class)
                .hasMessageContaining("Boot Device Selector");
    }
}
