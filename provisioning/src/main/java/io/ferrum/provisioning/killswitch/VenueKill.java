package io.ferrum.provisioning.killswitch;

/**
 * A venue-side kill call for one exchange, made in parallel with the port shutdown: a port going down only triggers
 * the venue's cancel-on-disconnect, while the venue's own kill (mass cancel) is explicit. Implementations throw on
 * failure; the outcome is journaled either way.
 */
public interface VenueKill {

    /** How the call is made, for the audit: {@code POST https://…} or {@code command /opt/…}. */
    String describe();

    void kill(String exchange, String engagement, String reason, String actor);
}
