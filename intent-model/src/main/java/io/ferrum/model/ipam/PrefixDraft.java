package io.ferrum.model.ipam;

import java.util.List;

/** A prefix as a caller asks for it; {@code vrf} null is the global table, {@code site} null a shared prefix. */
public record PrefixDraft(String vrf, String prefix, PrefixRole role, String site, IpStatus status,
                          String description, List<String> tags) {
}
