package io.ferrum.exporters.inventory;

/**
 * The TCP/UDP ports a device's management protocols listen on. Every platform the built-in standards use keeps the
 * IANA defaults; the record exists so the inventory states them instead of every consumer assuming them.
 */
public record ManagementPorts(int ssh, int netconf, int snmp) {

    /** SSH 22, NETCONF over SSH 830 (RFC 6242), SNMP 161. */
    public static final ManagementPorts STANDARD = new ManagementPorts(22, 830, 161);
}
