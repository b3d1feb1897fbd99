package io.ferrum.model.ipam;

/**
 * Ask for the next free address in a prefix. {@code allocationKey} makes the request idempotent: asking twice with
 * {@code ams1/leaf01/loopback} returns the same address. {@code hostMask} gives the address a full-length mask
 * (/32, /128), as loopbacks have; otherwise it takes the prefix's. {@code device}/{@code port} assign it.
 */
public record AddressRequest(String allocationKey, Boolean hostMask, String device, String port, String dnsName,
                             String description) {

    public AddressRequest {
        hostMask = hostMask != null && hostMask;
    }

    public static AddressRequest keyed(String allocationKey) {
        return new AddressRequest(allocationKey, false, null, null, null, null);
    }
}
