package io.ferrum.provisioning.driver.snmp;

/**
 * One IF-MIB row. {@code name} is ifName (the OS name); {@code alias} is ifAlias, where the lab and many switches
 * keep the front-panel port name.
 */
public record InterfaceStatus(int ifIndex, String name, String alias, IfStatus admin, IfStatus oper) {
}
