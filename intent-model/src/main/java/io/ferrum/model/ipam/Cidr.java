package io.ferrum.model.ipam;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * A network in CIDR form, parsed and compared by the IPAddress library; never by hand. {@link #parse} refuses host
 * bits ({@code 10.0.0.1/24}) so that a typo does not silently become a different network.
 */
public record Cidr(IPAddress network) {

    public static Cidr parse(String text) {
        IPAddress address = parseAddress(text, "a network in CIDR form such as 10.0.0.0/24");
        if (!address.isPrefixed()) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length; expected CIDR such as 10.0.0.0/24");
        }
        IPAddress network = address.toPrefixBlock();
        if (!network.getLower().equals(address.getLower())) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; the network is " + network.toCanonicalString());
        }
        return new Cidr(network);
    }

    /** Parses a host address with an optional mask length, e.g. {@code 10.0.0.5/24} or {@code 10.0.0.5}. */
    public static IPAddress parseHost(String text) {
        return parseAddress(text, "an IP address such as 10.0.0.5/24");
    }

    private static IPAddress parseAddress(String text, String expected) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; expected " + expected);
        }
        try {
            return new IPAddressString(text.trim()).toAddress();
        } catch (AddressStringException e) {
            throw new IllegalArgumentException("'" + text + "' is not valid: expected " + expected);
        }
    }

    public int prefixLength() {
        return network.getNetworkPrefixLength();
    }

    public int bitCount() {
        return network.getBitCount();
    }

    public boolean contains(Cidr other) {
        return network.contains(other.network);
    }

    public boolean containsHost(IPAddress host) {
        return network.contains(host.withoutPrefixLength());
    }

    public boolean overlaps(Cidr other) {
        return network.overlaps(other.network);
    }

    public boolean isIpv4() {
        return network.isIPv4();
    }

    @Override
    public String toString() {
        return network.toCanonicalString();
    }
}
