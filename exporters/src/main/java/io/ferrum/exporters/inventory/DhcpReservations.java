package io.ferrum.exporters.inventory;

import inet.ipaddr.IPAddress;
import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Management addresses that DHCP can hand out: IPv4, with a known MAC and subnet, grouped by subnet in
 * address order. Hosts missing a MAC or subnet are returned separately so the files can say why they are
 * absent instead of dropping them silently.
 */
public record DhcpReservations(Map<String, List<ManagedHost>> bySubnet, List<ManagedHost> skipped) {

    private static final Comparator<String> BY_ADDRESS = Comparator.comparing(
            (String cidr) -> ManagedHosts.parse(cidr).getValue());

    public static DhcpReservations of(SiteInventory inventory) {
        Map<String, List<ManagedHost>> bySubnet = new TreeMap<>(BY_ADDRESS);
        List<ManagedHost> skipped = new ArrayList<>();
        for (ManagedHost host : ManagedHosts.of(inventory)) {
            if (!host.isIpv4() || host.mac() == null || host.subnet() == null) {
                skipped.add(host);
                continue;
            }
            bySubnet.computeIfAbsent(host.subnet(), s -> new ArrayList<>()).add(host);
        }
        bySubnet.values().forEach(hosts -> hosts.sort(Comparator.comparing(
                (ManagedHost h) -> ManagedHosts.parse(h.address()).getValue())
                .thenComparing(ManagedHost::hostname, NaturalOrder.INSTANCE)));
        return new DhcpReservations(bySubnet, skipped);
    }

    static String why(ManagedHost host) {
        if (!host.isIpv4()) {
            return "IPv6 address";
        }
        return host.mac() == null ? "no MAC on the management port" : "no subnet known for the address";
    }

    static String netmask(String subnet) {
        IPAddress block = ManagedHosts.parse(subnet);
        return block.getNetwork().getNetworkMask(block.getPrefixLength(), false).toCanonicalString();
    }

    static String network(String subnet) {
        return ManagedHosts.parse(subnet).toPrefixBlock().getLower().withoutPrefixLength().toCanonicalString();
    }
}
