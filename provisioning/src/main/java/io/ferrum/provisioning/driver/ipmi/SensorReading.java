package io.ferrum.provisioning.driver.ipmi;

import java.util.OptionalDouble;

/**
 * One sensor of the BMC's SDR repository.
 *
 * @param type   the IPMI sensor type as ipmitool names it ("Temperature", "Fan", "Entity Presence")
 * @param value  the reading in {@code unit}; empty for discrete sensors and sensors without a reading
 * @param unit   "degrees C", "RPM", "Volts" …; empty when there is no value
 * @param status a threshold sensor's status ("ok", "Upper Critical", "Not Available"), or the states a discrete
 *               sensor asserts ("Present")
 */
public record SensorReading(String name, String type, OptionalDouble value, String unit, String status) {
}
