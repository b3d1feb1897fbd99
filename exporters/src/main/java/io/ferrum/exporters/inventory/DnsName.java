package io.ferrum.exporters.inventory;

/**
 * A name in the site's zone and the address it resolves to; {@code relative} is the owner name inside the
 * zone. {@code fromIpam} tells a name IPAM gave the address from one derived from a device's hostname.
 */
public record DnsName(String relative, String fqdn, String address, boolean fromIpam) {

    public boolean isIpv4() {
        return address.indexOf(':') < 0;
    }
}
