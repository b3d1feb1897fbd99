package io.ferrum.standards.plan.crosssite;

/**
 * Something a design wants that another site already holds, so the database would refuse it (or two sites would
 * hand out the same addresses): address space, an ASN range, a device serial, an exchange circuit.
 *
 * @param concern   what kind of thing clashes, which tells where the definition wrote it
 * @param value     the design's value as the definition gives it: a CIDR, the ASN pool's name, a serial, a circuit id
 * @param otherSite the site holding it, or null when the holder names no site (a hand-made ASN pool)
 * @param message   the whole story, naming the value and the other site
 */
public record CrossSiteConflict(Concern concern, String value, String otherSite, String message) {

    public enum Concern {
        ADDRESS_SPACE, ASN_RANGE, SERIAL, CIRCUIT
    }

    @Override
    public String toString() {
        return message;
    }
}
