package io.ferrum.model.inventory;

import io.ferrum.model.ipam.IpStatus;

/**
 * One IP address with its mask length ({@code 10.0.0.5/24}); {@code device} and {@code port} are null when it
 * is not assigned to a port. {@code dnsName} is the fully qualified name or null. {@code allocationKey} is the key it
 * was allocated by (e.g. {@code ams1/ams1-r01-leaf01/loopback}), or null when it was assigned by hand.
 */
public record AddressInfo(String vrf, String address, String device, String port, String dnsName, IpStatus status,
                          String allocationKey) {

    public AddressInfo(String vrf, String address, String device, String port, String dnsName, IpStatus status) {
        this(vrf, address, device, port, dnsName, status, null);
    }

    /** The address without its mask length. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
