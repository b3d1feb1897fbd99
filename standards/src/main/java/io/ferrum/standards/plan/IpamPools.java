package io.ferrum.standards.plan;

import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The prefixes a design names as pools to carve from: supernets by CIDR (in the global table) or earlier
 * allocations by key, found in two queries at most per kind.
 */
@Component
class IpamPools {

    private final PrefixRepository prefixes;

    IpamPools(PrefixRepository prefixes) {
        this.prefixes = prefixes;
    }

    Map<String, Prefix> byName(List<String> names) {
        Map<String, Prefix> found = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            Prefix supernet = cidrPool(name);
            if (supernet != null) {
                found.put(name, supernet);
            } else {
                keys.add(name);
            }
        }
        if (!keys.isEmpty()) {
            prefixes.findByAllocationKeyIn(keys).forEach(p -> found.put(p.getAllocationKey(), p));
        }
        return found;
    }

    /** A pool named by CIDR (a supernet in the global table), or null when the name is an allocation key. */
    private Prefix cidrPool(String name) {
        if (name.contains("/") && Character.isDigit(name.charAt(0)) || name.contains(":") && name.contains("/")) {
            try {
                return prefixes.findExact(null, Cidr.parse(name).toString()).orElse(null);
            } catch (IllegalArgumentException notACidr) {
                // falls through: keys such as ams1/r01/server also contain slashes
            }
        }
        return null;
    }
}
