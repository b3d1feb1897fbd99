package io.ferrum.provisioning.killswitch;

/**
 * One exchange-facing link the kill switch can take down: a port of an exchange connection, with what engage needs
 * to reach it without the database.
 *
 * @param address the device's management address (what sessions connect to)
 * @param port    the port's name, which is also its IF-MIB ifName
 */
public record KillLink(String circuitId, String exchange, String group, String site, String device, String address,
                       String port) {

    /** {@code device:port}: the key of a link's state. */
    public String key() {
        return device + ":" + port;
    }
}
