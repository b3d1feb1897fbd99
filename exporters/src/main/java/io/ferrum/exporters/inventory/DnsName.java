package io.ferrum.exporters.inventory;

/** A name in the site's zone and the address it resolves to; {@code relative} is the owner name inside the zone. */
public record DnsName(String relative, String fqdn, String address) {

    public boolean isIpv4() {
        return address.indexOf(':') < 0;
    }
}
