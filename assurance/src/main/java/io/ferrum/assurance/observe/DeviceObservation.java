package io.ferrum.assurance.observe;

import io.ferrum.provisioning.driver.FailureReason;
import java.time.Instant;
import java.util.List;

/**
 * What one poll saw of one device. A null field was not collected this time (the device does not speak that
 * protocol, or that part of the poll failed): the auditor checks only what was observed, so a partial picture never
 * raises drift about the parts it lacks.
 *
 * @param hostname        the intent's hostname of the device that was polled (the key, not what it says of itself)
 * @param failure         why the device could not be polled at all, or null when it answered
 * @param sysName         the name the device gives itself (SNMP sysName or the shell's prompt)
 * @param serial          chassis serial (ENTITY-MIB or {@code show version})
 * @param firmwareVersion running firmware ({@code show version})
 * @param runningConfig   running configuration text, as the device prints it
 * @param interfaces      admin/oper state and addresses per interface, by Ferrum port name
 * @param neighbours      LLDP neighbours, by local Ferrum port name
 */
public record DeviceObservation(
        String hostname,
        Instant at,
        FailureReason failure,
        String sysName,
        String serial,
        String firmwareVersion,
        String runningConfig,
        List<InterfaceObservation> interfaces,
        List<NeighbourObservation> neighbours) {

    public DeviceObservation {
        interfaces = interfaces == null ? null : List.copyOf(interfaces);
        neighbours = neighbours == null ? null : List.copyOf(neighbours);
    }

    public static DeviceObservation unreachable(String hostname, Instant at, FailureReason reason) {
        return new DeviceObservation(hostname, at, reason, null, null, null, null, null, null);
    }

    public boolean reachable() {
        return failure == null;
    }
}
