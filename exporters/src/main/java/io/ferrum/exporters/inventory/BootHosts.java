package io.ferrum.exporters.inventory;

import inet.ipaddr.IPAddress;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.PrefixInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.ipam.PrefixRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Servers that network-boot for provisioning: each enrolled server (a data port with a MAC in intent) with the
 * provisioning network it boots on, its rack's server subnet, whose first address is the gateway (the leaf's, which
 * relays DHCP; in the lab, the lab host). Servers leave this list with the reason.
 */
public record BootHosts(List<BootHost> hosts, List<String> skipped) {

    /** A server's network boot: the MAC it boots from and the subnet it gets a lease in. */
    public record BootHost(DeviceInfo device, String mac, String subnet) {

        public String gateway() {
            return ManagedHosts.parse(subnet).toPrefixBlock().getLower().increment(1).withoutPrefixLength()
                    .toCanonicalString();
        }

        /** The lease range: above the first ten addresses (gateway and infrastructure), up to the last host. */
        public String rangeStart() {
            return ManagedHosts.parse(subnet).toPrefixBlock().getLower().increment(10).withoutPrefixLength()
                    .toCanonicalString();
        }

        public String rangeEnd() {
            return ManagedHosts.parse(subnet).toPrefixBlock().getUpper().increment(-1).withoutPrefixLength()
                    .toCanonicalString();
        }

        public int prefixLength() {
            return ManagedHosts.parse(subnet).getPrefixLength();
        }
    }

    public static BootHosts of(SiteInventory inventory) {
        List<BootHost> hosts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (DeviceInfo device : inventory.devices()) {
            if (device.role() != DeviceRole.SERVER) {
                continue;
            }
            String mac = device.ports().stream().filter(p -> p.kind() == PortKind.DATA)
                    .map(PortInfo::mac).filter(m -> m != null && !m.isBlank()).findFirst().orElse(null);
            if (mac == null) {
                skipped.add(device.hostname() + ": not enrolled (no MAC on a data port)");
                continue;
            }
            String subnet = serverSubnet(inventory, device.rack());
            if (subnet == null) {
                skipped.add(device.hostname() + ": rack " + device.rack() + " has no IPv4 server subnet");
                continue;
            }
            hosts.add(new BootHost(device, mac.toLowerCase(Locale.ROOT), subnet));
        }
        return new BootHosts(hosts, skipped);
    }

    /** The rack's server subnet: the longest IPv4 server prefix described as the rack's (the standards' habit). */
    private static String serverSubnet(SiteInventory inventory, String rack) {
        IPAddress best = null;
        for (PrefixInfo prefix : inventory.prefixes()) {
            if (prefix.role() != PrefixRole.SERVER || rack == null || prefix.description() == null
                    || !prefix.description().endsWith("rack " + rack)) {
                continue;
            }
            IPAddress parsed = ManagedHosts.parse(prefix.prefix());
            if (parsed != null && parsed.isIPv4() && parsed.getPrefixLength() != null && parsed.getPrefixLength() <= 29
                    && (best == null || parsed.getPrefixLength() > best.getPrefixLength())) {
                best = parsed;
            }
        }
        return best == null ? null : best.toPrefixBlock().toCanonicalString();
    }
}
