package io.ferrum.model.inventory;

/** One AS number allocated for the site, with the key it was allocated by (e.g. {@code ams1/ams1-border01/asn}). */
public record AsnInfo(long asn, String allocationKey, String description) {
}
