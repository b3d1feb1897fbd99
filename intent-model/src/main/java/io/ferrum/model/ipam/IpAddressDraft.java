package io.ferrum.model.ipam;

import java.util.List;

/**
 * An address as a caller asks for it. Without {@code prefix} the most specific prefix containing the address in the
 * VRF is used; without a mask length the address takes that prefix's. {@code device} and {@code port} assign it.
 */
public record IpAddressDraft(String vrf, String address, String prefix, String device, String port, String dnsName,
                             IpStatus status, String description, List<String> tags) {
}
