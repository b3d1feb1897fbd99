package io.ferrum.model.ipam;

/** Ask for the next free child prefix of {@code length}; {@code allocationKey} makes it idempotent. */
public record PrefixRequest(int length, String allocationKey, PrefixRole role, String site, String description) {
}
