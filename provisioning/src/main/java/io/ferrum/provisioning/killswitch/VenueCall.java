package io.ferrum.provisioning.killswitch;

/** The outcome of one venue-side kill call: {@code ok} or the error, and how long it took from the engage's start. */
public record VenueCall(String exchange, String how, boolean ok, String error, long millis) {
}
