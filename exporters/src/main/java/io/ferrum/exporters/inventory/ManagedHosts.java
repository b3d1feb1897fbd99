package io.ferrum.exporters.inventory;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.PrefixInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds each device's management address, the MAC behind it and its subnet. */
public final class ManagedHosts {

    private ManagedHosts() {
    }

    /** Devices with a primary IP, in inventory order. */
    public static List<ManagedHost> of(SiteInventory inventory) {
        Map<String, AddressInfo> addressByDeviceAndHost = new HashMap<>();
        for (AddressInfo address : inventory.addresses()) {
            if (address.device() != null) {
                addressByDeviceAndHost.putIfAbsent(address.device() + "\u0000" + address.host(), address);
            }
        }
        List<IPAddress> prefixes = inventory.prefixes().stream()
                .map(PrefixInfo::prefix).map(ManagedHosts::parse).filter(p -> p != null)
                .sorted(Comparator.comparing(IPAddress::getPrefixLength, Comparator.nullsFirst(Comparator.reverseOrder())))
                .toList();
        List<ManagedHost> hosts = new ArrayList<>();
        for (DeviceInfo device : inventory.devices()) {
            if (device.primaryIp() == null || device.primaryIp().isBlank()) {
                continue;
            }
            String ip = device.primaryIp().trim();
            AddressInfo address = addressByDeviceAndHost.get(device.hostname() + "\u0000" + ip);
            hosts.add(new ManagedHost(device, ip, mac(device, address), subnet(ip, address, prefixes)));
        }
        return hosts;
    }

    private static String mac(DeviceInfo device, AddressInfo address) {
        String portName = address == null ? null : address.port();
        PortInfo port = device.ports().stream()
                .filter(p -> portName != null ? p.name().equals(portName) : p.kind() == PortKind.MGMT)
                .filter(p -> p.mac() != null && !p.mac().isBlank())
                .findFirst().orElse(null);
        return port == null ? null : port.mac().toLowerCase(java.util.Locale.ROOT);
    }

    private static String subnet(String ip, AddressInfo address, List<IPAddress> prefixes) {
        if (address != null && address.address().contains("/")) {
            IPAddress withMask = parse(address.address());
            if (withMask != null) {
                return withMask.toPrefixBlock().toCanonicalString();
            }
        }
        IPAddress host = parse(ip);
        if (host == null) {
            return null;
        }
        for (IPAddress prefix : prefixes) {
            // longest prefix first, and a host route says nothing about the subnet
            if (prefix.getPrefixLength() != null && prefix.getPrefixLength() < host.getBitCount()
                    && prefix.toPrefixBlock().contains(host)) {
                return prefix.toPrefixBlock().toCanonicalString();
            }
        }
        return null;
    }

    static IPAddress parse(String text) {
        IPAddress address = new IPAddressString(text).getAddress();
        return address;
    }
}
