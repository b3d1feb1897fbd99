package io.ferrum.exporters.inventory;

import inet.ipaddr.IPAddress;
import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a site's zone holds: every address whose DNS name lies in the zone, plus each device's
 * hostname for its management address unless IPAM already names it. Names are lowercased and characters
 * DNS host names may not carry become '-' (RFC 952/1123 "LDH" rule), so the zone always loads.
 */
public final class DnsNames {

    public static final Comparator<DnsName> ORDER = Comparator.comparing(DnsName::relative, NaturalOrder.INSTANCE)
            .thenComparing(DnsName::isIpv4, Comparator.reverseOrder())
            .thenComparing(DnsName::address, NaturalOrder.INSTANCE);

    private DnsNames() {
    }

    public static List<DnsName> of(SiteInventory inventory, String domain) {
        Set<DnsName> names = new LinkedHashSet<>();
        Set<String> named = new java.util.HashSet<>();
        for (AddressInfo address : inventory.addresses()) {
            if (address.dnsName() == null || address.dnsName().isBlank()) {
                continue;
            }
            String fqdn = address.dnsName().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            String relative = relative(fqdn, domain);
            String host = canonical(address.host());
            if (relative != null && host != null) {
                names.add(new DnsName(relative, relative.equals("@") ? domain : relative + "." + domain, host, true));
                named.add(relative);
            }
        }
        for (ManagedHost host : ManagedHosts.of(inventory)) {
            String relative = label(host.hostname());
            String address = canonical(host.address());
            if (!relative.isEmpty() && address != null && !named.contains(relative)) {
                names.add(new DnsName(relative, relative + "." + domain, address, false));
            }
        }
        List<DnsName> sorted = new ArrayList<>(names);
        sorted.sort(ORDER);
        return sorted;
    }

    /** The name relative to the zone, or null when it is outside; each label sanitised. */
    private static String relative(String fqdn, String domain) {
        if (fqdn.equals(domain)) {
            return "@";
        }
        if (!fqdn.endsWith("." + domain)) {
            return null;
        }
        String inside = fqdn.substring(0, fqdn.length() - domain.length() - 1);
        List<String> labels = new ArrayList<>();
        for (String part : inside.split("\\.")) {
            String clean = label(part);
            if (clean.isEmpty()) {
                return null;
            }
            labels.add(clean);
        }
        return String.join(".", labels);
    }

    static String label(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return clean.length() > 63 ? clean.substring(0, 63) : clean;
    }

    private static String canonical(String host) {
        IPAddress address = ManagedHosts.parse(host);
        return address == null ? null : address.withoutPrefixLength().toCanonicalString();
    }
}
