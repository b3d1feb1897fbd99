package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IPv4 reverse zone: PTR records for the forward zone's addresses that fall in it, one per address
 * (a name from IPAM wins over a hostname-derived one, then the first in zone order). The zone defaults to the longest
 * octet-aligned {@code in-addr.arpa} zone covering every address, e.g. {@code 10.in-addr.arpa}.
 */
public final class DnsReverseZone implements Export {

    @Override
    public String kind() {
        return "dns-reverse-zone";
    }

    @Override
    public String contentType() {
        return "text/dns; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return zone(inventory, options) + ".zone";
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        String domain = options.domainFor(inventory.site());
        String zone = zone(inventory, options);
        List<String> zoneOctets = zoneOctets(zone);
        StringBuilder out = ZoneFile.header(zone, inventory.site().code(), options, domain);
        Map<String, String> ptrs = new LinkedHashMap<>();
        List<DnsName> names = DnsNames.of(inventory, domain).stream()
                .sorted(java.util.Comparator.comparing(DnsName::fromIpam).reversed().thenComparing(DnsNames.ORDER))
                .toList();
        for (DnsName name : names) {
            if (!name.isIpv4()) {
                continue;
            }
            List<String> octets = Arrays.asList(name.address().split("\\."));
            if (octets.subList(0, zoneOctets.size()).equals(zoneOctets)) {
                List<String> rest = new ArrayList<>(octets.subList(zoneOctets.size(), 4));
                java.util.Collections.reverse(rest);
                ptrs.putIfAbsent(String.join(".", rest), name.fqdn() + ".");
            }
        }
        ptrs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(io.ferrum.model.dcim.NaturalOrder.INSTANCE))
                .forEach(e -> out.append(e.getKey()).append("\tIN\tPTR\t").append(e.getValue()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String zone(SiteInventory inventory, ExportOptions options) {
        if (options.reverseZone() != null) {
            String zone = options.reverseZone().toLowerCase(Locale.ROOT);
            return zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        }
        List<String> common = null;
        for (DnsName name : DnsNames.of(inventory, options.domainFor(inventory.site()))) {
            if (!name.isIpv4()) {
                continue;
            }
            List<String> octets = Arrays.asList(name.address().split("\\.")).subList(0, 3);
            if (common == null) {
                common = new ArrayList<>(octets);
            } else {
                int same = 0;
                while (same < common.size() && common.get(same).equals(octets.get(same))) {
                    same++;
                }
                common = new ArrayList<>(common.subList(0, same));
            }
        }
        if (common == null || common.isEmpty()) {
            // no addresses, or addresses from unrelated /8s: 10/8 is the usual home of a site's management
            common = List.of("10");
        }
        List<String> reversed = new ArrayList<>(common);
        java.util.Collections.reverse(reversed);
        return String.join(".", reversed) + ".in-addr.arpa";
    }

    /** {@code 0.10.in-addr.arpa} → [10, 0]. */
    private static List<String> zoneOctets(String zone) {
        if (!zone.endsWith(".in-addr.arpa")) {
            throw new IllegalArgumentException("Reverse zone '" + zone + "' is not under in-addr.arpa");
        }
        List<String> octets = new ArrayList<>(Arrays.asList(zone.substring(0, zone.length() - ".in-addr.arpa".length())
                .split("\\.")));
        java.util.Collections.reverse(octets);
        if (octets.size() > 3) {
            throw new IllegalArgumentException("Reverse zone '" + zone + "' is narrower than a /24");
        }
        return octets;
    }
}
