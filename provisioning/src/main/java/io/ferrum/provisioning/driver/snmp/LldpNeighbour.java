package io.ferrum.provisioning.driver.snmp;

/**
 * One LLDP-MIB remote-table row joined with the local port it was heard on.
 *
 * @param localPortNum lldpRemLocalPortNum (often the ifIndex)
 * @param localPortId  lldpLocPortId of that port, the name this device advertises for it
 */
public record LldpNeighbour(int localPortNum, String localPortId, String remoteChassisId, String remoteSysName,
                            String remotePortId, String remotePortDescription) {
}
