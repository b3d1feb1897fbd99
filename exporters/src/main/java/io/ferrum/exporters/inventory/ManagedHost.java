package io.ferrum.exporters.inventory;

import io.ferrum.model.inventory.DeviceInfo;

/**
 * A device reachable on its management address: what monitoring, DNS, DHCP and Ansible need.
 * {@code mac} is the MAC of the port holding the address (null if unknown); {@code subnet} is the network
 * the address lives in, in CIDR form (null if neither the address nor a prefix tells its length).
 */
public record ManagedHost(DeviceInfo device, String address, String mac, String subnet) {

    public String hostname() {
        return device.hostname();
    }

    public boolean isIpv4() {
        return address.indexOf(':') < 0;
    }
}
