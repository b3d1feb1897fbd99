package io.ferrum.model.inventory;

import io.ferrum.model.ipam.IpStatus;
import io.ferrum.model.ipam.PrefixRole;

/** One prefix in CIDR notation; {@code vrf} is null for the global table. */
public record PrefixInfo(String vrf, String prefix, PrefixRole role, IpStatus status, String description) {
}
