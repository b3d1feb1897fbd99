package io.ferrum.provisioning.driver.snmp;

import java.time.Duration;

/** SNMPv2-MIB system group. */
public record SystemInfo(String sysName, String sysDescr, String sysObjectId, Duration upTime) {
}
