package io.ferrum.standards.builtin;

/**
 * Deterministic names. Everything is derived from the site code, rack name and a position or endpoint, never from a
 * running counter over the site, so adding a server or a rack never renames what exists.
 */
record Names(String site) {

    /** A device in a server rack, e.g. {@code ams1-r01-leaf01}. */
    String inRack(String rack, String shortName) {
        return site + "-" + rack + "-" + shortName;
    }

    /** Server {@code number} (1-based) of a rack, e.g. {@code ams1-r01-srv07}. */
    String server(String rack, int number) {
        return inRack(rack, String.format("srv%02d", number));
    }

    /** A site-wide device in the network rack, e.g. {@code ams1-border01}. */
    String network(String shortName) {
        return site + "-" + shortName;
    }

    /** A cable's label: the hostname and port of its edge-side end, e.g. {@code ams1-r01-srv07-eth0}. */
    String cableLabel(String hostname, String port) {
        return hostname + "-" + portSlug(port);
    }

    /** {@code Ethernet1/1} becomes {@code ethernet1-1}: usable in labels, DNS names and allocation keys. */
    static String portSlug(String port) {
        return port.toLowerCase(java.util.Locale.ROOT).replace('/', '-');
    }

    String key(String... parts) {
        return site + "/" + String.join("/", parts);
    }
}
