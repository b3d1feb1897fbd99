package io.ferrum.provisioning.driver.snmp;

/** One IP-MIB ipAddrTable row: an IPv4 address with its mask length, on interface {@code ifIndex}. */
public record IpAddressEntry(int ifIndex, String address, int prefixLength) {

    /** {@code 198.18.0.11/24}, as intent writes addresses. */
    public String cidr() {
        return address + "/" + prefixLength;
    }
}
