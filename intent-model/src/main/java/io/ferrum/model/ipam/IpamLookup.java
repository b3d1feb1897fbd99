package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentException;
import org.springframework.stereotype.Component;

/** Resolves VRF names and prefixes named in requests, naming the field when one does not exist. */
@Component
public class IpamLookup {

    private final VrfRepository vrfs;
    private final PrefixRepository prefixes;

    public IpamLookup(VrfRepository vrfs, PrefixRepository prefixes) {
        this.vrfs = vrfs;
        this.prefixes = prefixes;
    }

    /** The VRF of that name; null or blank means the global table. */
    public Vrf vrf(String name, String field) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return vrfs.findByName(name).orElseThrow(() -> IntentException.invalid(field, "VRF '" + name + "' does not exist"));
    }

    public Cidr cidr(String text, String field) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid(field, e.getMessage());
        }
    }

    public Prefix prefix(Vrf vrf, String cidr, String field) {
        Cidr parsed = cidr(cidr, field);
        return prefixes.findExact(vrf == null ? null : vrf.getId(), parsed.toString()).orElseThrow(() ->
                IntentException.invalid(field, "prefix " + parsed + " does not exist in " + vrfName(vrf)));
    }

    static String vrfName(Vrf vrf) {
        return vrf == null ? "the global table" : "VRF " + vrf.getName();
    }
}
