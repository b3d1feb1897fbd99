package io.ferrum.provisioning.killswitch;

import java.util.List;

/**
 * A way to set a device's ports down or up in one write. The kill switch tries its channels in order: the first
 * that succeeds for a device wins, and a failure moves on to the next at once.
 */
public interface PortChannel {

    /** {@code shell}, {@code snmp}: named in each link's result. */
    String name();

    /** Sets every port down ({@code up} false) or up; throws {@link io.ferrum.provisioning.driver.DriverException}. */
    void set(String device, String address, List<String> ports, boolean up);

    /** Opens (or checks) the standing session to the device ahead of an engage; channels without one do nothing. */
    default void warm(String device, String address) {
    }
}
