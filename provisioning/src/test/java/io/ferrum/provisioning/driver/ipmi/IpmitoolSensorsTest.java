package io.ferrum.provisioning.driver.ipmi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static io.ferrum.provisioning.driver.ipmi.CapturedOutput.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpmitoolSensorsTest {

    @Test
    void readsThresholdAndDiscreteSensors() throws Exception {
        List<SensorReading> sensors = IpmitoolSensors.parse(read("sdr-elist.stdout"));

        assertThat(sensors).containsExactly(
                new SensorReading("CPU Temp", "Temperature", OptionalDouble.of(48), "degrees C", "ok"),
                new SensorReading("FAN1", "Fan", OptionalDouble.of(6000), "RPM", "ok"),
                new SensorReading("Inlet Temp", "Temperature", OptionalDouble.of(90), "degrees C", "Upper Critical"),
                new SensorReading("PSU1 Presence", "Entity Presence", OptionalDouble.empty(), "", "Present"),
                new SensorReading("P12V", "Voltage", OptionalDouble.empty(), "", "Not Available"));
    }

    @Test
    void readsFractionsAndNegativeReadings() throws Exception {
        String volts = read("sdr-elist.stdout").replace("48 (+/- 0) degrees C", "-12.250 (+/- 0.100) Volts");

        assertThat(IpmitoolSensors.parse(volts).get(0).value()).isEqualTo(OptionalDouble.of(-12.25));
        assertThat(IpmitoolSensors.parse(volts).get(0).unit()).isEqualTo("Volts");
    }

    @Test
    void severalAssertedStatesAreJoined() throws Exception {
        String psu = read("sdr-elist.stdout").replace("[Present]",
                "[Presence detected]\n                         [Power Supply AC lost]");

        assertThat(IpmitoolSensors.parse(psu).get(3).status()).isEqualTo("Presence detected, Power Supply AC lost");
    }

    @Test
    void noSensorsIsAnEmptyList() throws Exception {
        assertThat(IpmitoolSensors.parse("")).isEmpty();
    }

    @Test
    void outputWithoutSensorBlocksIsUnexpected() {
        assertThatThrownBy(() -> IpmitoolSensors.parse(read("sdr-elist.stdout").replace("Sensor ID", "Sensor Name")))
                .isInstanceOf(IpmitoolOutput.UnexpectedOutput.class)
                .hasMessageContaining("Sensor ID");
    }

    @Test
    void sensorWithoutATypeIsUnexpected() {
        String untyped = read("sdr-elist.stdout").replace(" Sensor Type (Threshold)  : Fan (0x04)\n", "");

        assertThatThrownBy(() -> IpmitoolSensors.parse(untyped))
                .isInstanceOf(IpmitoolOutput.UnexpectedOutput.class)
                .hasMessageContaining("'FAN1' has no Sensor Type");
    }
}
