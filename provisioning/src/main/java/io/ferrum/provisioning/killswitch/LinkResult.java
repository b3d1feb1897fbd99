package io.ferrum.provisioning.killswitch;

/**
 * One link's outcome.
 *
 * @param channel  the channel that took it down ({@code shell} or {@code snmp}), or null
 * @param reason   the driver's failure reason when it failed (UNREACHABLE, TIMEOUT …)
 * @param millis   from the engage's start to the moment this link read down (or failed)
 */
public record LinkResult(String circuitId, String exchange, String device, String port, LinkState state,
                         String channel, String reason, String detail, long millis) {
}
