package io.ferrum.provisioning.bench;

import java.util.Locale;

/**
 * Shell configs shaped like colo-pod's rendered {@code shell/device.j2} for a 64-port leaf: header, loopback, 48
 * customer ports with description and address, 8 uplinks, 8 unused ports, and an eBGP neighbour per connected
 * port. About 300 lines (17 KB) per device, different on every device.
 */
final class LeafConfigs {

    private LeafConfigs() {
    }

    static String render(String hostname, int index, String rack) {
        StringBuilder c = new StringBuilder(18_000);
        long localAs = 4_200_000_000L + index;
        String loopback = "10.255." + (index / 250) + "." + (index % 250 + 1);
        c.append("# ").append(hostname).append(": leaf FLS-48X in BEN1 rack ").append(rack).append("\n\n");
        c.append("# Rendered by Ferrum from colo-pod@7; changes made on the device are drift and are replaced by "
                + "the next run.\n");
        c.append("hostname = ").append(hostname).append('\n');
        c.append("interface.Loopback0.address = ").append(loopback).append("/32\n");
        for (int port = 1; port <= 64; port++) {
            String name = "Ethernet1/" + port;
            if (port <= 48) {
                c.append("interface.").append(name).append(".description = customer-").append(index).append('-')
                        .append(port).append(" (circuit CX").append(String.format(Locale.ROOT, "%06d", index * 64 + port))
                        .append(")\n");
                c.append("interface.").append(name).append(".enabled = true\n");
                c.append("interface.").append(name).append(".address = ").append(p2p(index, port, 0)).append("/31\n");
            } else if (port <= 56) {
                c.append("interface.").append(name).append(".description = uplink to spine0").append(port - 48)
                        .append(" Ethernet").append(port - 48).append('/').append(index % 64 + 1).append('\n');
                c.append("interface.").append(name).append(".enabled = true\n");
                c.append("interface.").append(name).append(".address = ").append(p2p(index, port, 0)).append("/31\n");
            } else {
                c.append("interface.").append(name).append(".enabled = false\n");
            }
        }
        c.append('\n');
        c.append("router.bgp.asn = ").append(localAs).append('\n');
        c.append("router.bgp.router-id = ").append(loopback).append('\n');
        for (int port = 1; port <= 56; port++) {
            String peer = p2p(index, port, 1);
            long remoteAs = port <= 48 ? 64_512 + (index * 48 + port) % 1000 : 65_000;
            c.append("router.bgp.neighbor.").append(peer).append(".remote-as = ").append(remoteAs).append('\n');
            c.append("router.bgp.neighbor.").append(peer).append(".description = ")
                    .append(port <= 48 ? "customer-" + index + "-" + port : "spine0" + (port - 48))
                    .append(" via Ethernet1/").append(port).append('\n');
        }
        return c.toString();
    }

    /** The two ends of a /31 per device port, from 100.64.0.0/10 so every device's are distinct. */
    private static String p2p(int index, int port, int end) {
        long address = (100L << 24) + (64L << 16) + ((long) index * 64 + port) * 2 + end;
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
