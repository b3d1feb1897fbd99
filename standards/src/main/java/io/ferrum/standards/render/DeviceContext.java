package io.ferrum.standards.render;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.ExchangeConnectionInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a config template sees for one device, built from the site's intent. Plain maps and lists, because
 * that is what Jinja2 templates (and the network engineers who write them) expect. Rendering is strict (an unknown
 * name is an error), and Jinjava takes a null value for an unknown name, so what intent does not have is an empty
 * string or map, which templates test with {@code {% if %}} like any absent value:
 * <ul>
 *   <li>{@code site} {code, name}; {@code device} {hostname, role, platform, serial, manufacturer, model, rack,
 *       status}; {@code standard}</li>
 *   <li>{@code management} {address (with length), port} or none</li>
 *   <li>{@code interfaces}: every data and management port in the device type's order, each {name, kind, enabled, speed,
 *       description, addresses, peer {device, port, cable} or none, exchange {code, circuit, group} or none}; the
 *       description names the far end of the port's cable or the exchange hand-off</li>
 *   <li>{@code loopback} and {@code asn}: allocations keyed {@code <site>/<hostname>/loopback} and {@code .../asn}</li>
 *   <li>{@code bgp} {asn, router_id, neighbours [{address, remote_as, interface, description}]}: one neighbour per
 *       point-to-point link whose far end has an address in the same subnet and an AS number</li>
 * </ul>
 */
public final class DeviceContext {

    private final SiteInventory inventory;
    private final Map<String, List<AddressInfo>> addressesByPort = new HashMap<>();
    private final Map<String, List<AddressInfo>> addressesByDevice = new HashMap<>();
    private final Map<String, AddressInfo> addressByKey = new HashMap<>();
    private final Map<String, Long> asnByKey = new HashMap<>();
    private final Map<String, CableInfo.CableEnd> peers = new HashMap<>();
    private final Map<String, String> cableOf = new HashMap<>();
    private final Map<String, ExchangeConnectionInfo> handoffs = new HashMap<>();

    /** Indexes the site once, so rendering every device of a site is linear in its size. */
    public DeviceContext(SiteInventory inventory) {
        this.inventory = inventory;
        for (AddressInfo a : inventory.addresses()) {
            if (a.device() != null && a.port() != null) {
                addressesByPort.computeIfAbsent(a.device() + "\u0000" + a.port(), k -> new ArrayList<>()).add(a);
            }
            if (a.device() != null) {
                addressesByDevice.computeIfAbsent(a.device(), k -> new ArrayList<>()).add(a);
            }
            if (a.allocationKey() != null) {
                addressByKey.putIfAbsent(a.allocationKey(), a);
            }
        }
        inventory.asns().forEach(a -> asnByKey.putIfAbsent(a.allocationKey(), a.asn()));
        for (CableInfo cable : inventory.cables()) {
            peers.put(key(cable.a()), cable.b());
            peers.put(key(cable.b()), cable.a());
            cableOf.put(key(cable.a()), cable.label());
            cableOf.put(key(cable.b()), cable.label());
        }
        for (ExchangeConnectionInfo connection : inventory.exchangeConnections()) {
            connection.ports().forEach(p -> handoffs.put(connection.device() + "\u0000" + p, connection));
        }
    }

    public Map<String, Object> of(DeviceInfo device, String standard) {
        String site = inventory.site().code();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("standard", standard);
        context.put("site", Map.of("code", site, "name", inventory.site().name()));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("hostname", device.hostname());
        identity.put("role", device.role().wire());
        identity.put("platform", orEmpty(device.platform()));
        identity.put("serial", orEmpty(device.serial()));
        identity.put("manufacturer", orEmpty(device.manufacturer()));
        identity.put("model", orEmpty(device.model()));
        identity.put("rack", orEmpty(device.rack()));
        identity.put("status", device.status().wire());
        context.put("device", identity);


        String managementPort = null;
        context.put("management", Map.of());
        if (device.primaryIp() != null) {
            for (AddressInfo a : addressesByDevice.getOrDefault(device.hostname(), List.of())) {
                if (a.host().equals(device.primaryIp())) {
                    context.put("management", Map.of("address", a.address(), "port", a.port()));
                    managementPort = a.port();
                }
            }
        }

        Long asn = asnByKey.get(SiteInventory.allocationKey(site, device.hostname(), "asn"));
        AddressInfo loopbackAddress = addressByKey.get(SiteInventory.allocationKey(site, device.hostname(), "loopback"));
        String loopback = loopbackAddress == null ? null : loopbackAddress.address();
        context.put("asn", asn == null ? "" : asn);
        context.put("loopback", orEmpty(loopback));

        List<Map<String, Object>> interfaces = new ArrayList<>();
        List<Map<String, Object>> neighbours = new ArrayList<>();
        // In the inventory's order: the device type's port templates, as the device itself lists them.
        List<PortInfo> ports = device.ports().stream()
                .filter(p -> p.kind() == PortKind.DATA || p.kind() == PortKind.MGMT).toList();
        for (PortInfo port : ports) {
            String portKey = device.hostname() + "\u0000" + port.name();
            CableInfo.CableEnd peer = peers.get(portKey);
            ExchangeConnectionInfo handoff = handoffs.get(portKey);
            List<String> addresses = addressesByPort.getOrDefault(portKey, List.of()).stream()
                    .map(AddressInfo::address).toList();
            Map<String, Object> iface = new LinkedHashMap<>();
            iface.put("name", port.name());
            iface.put("kind", port.kind().wire());
            iface.put("enabled", port.enabled());
            iface.put("management", port.name().equals(managementPort));
            iface.put("addresses", addresses);
            iface.put("speed", port.speedMbps() == null ? "" : port.speedMbps());
            iface.put("peer", peer == null ? Map.of() : Map.of("device", peer.device(), "port", peer.port(),
                    "cable", cableOf.get(portKey)));
            iface.put("exchange", handoff == null ? Map.of() : exchange(handoff));
            iface.put("description", description(peer, handoff, port));
            interfaces.add(iface);
            if (peer != null && asn != null) {
                neighbour(site, port, addresses, peer).ifPresent(neighbours::add);
            }
        }
        context.put("interfaces", interfaces);
        if (asn != null) {
            Map<String, Object> bgp = new LinkedHashMap<>();
            bgp.put("asn", asn);
            bgp.put("router_id", loopback == null ? "" : loopback.substring(0, loopback.indexOf('/')));
            bgp.put("neighbours", neighbours);
            context.put("bgp", bgp);
        } else {
            context.put("bgp", Map.of());
        }
        return context;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Object> exchange(ExchangeConnectionInfo handoff) {
        Map<String, Object> exchange = new LinkedHashMap<>();
        exchange.put("code", handoff.exchange());
        exchange.put("circuit", handoff.circuitId());
        exchange.put("group", orEmpty(handoff.killSwitchGroup()));
        exchange.put("status", handoff.status().wire());
        return exchange;
    }

    /** What an engineer reading the device's config needs to know about a port: where its cable goes. */
    private static String description(CableInfo.CableEnd peer, ExchangeConnectionInfo handoff, PortInfo port) {
        if (handoff != null) {
            return handoff.exchange() + " hand-off " + handoff.circuitId();
        }
        if (peer != null) {
            return "to " + peer.device() + " " + peer.port();
        }
        return port.description() == null ? "" : port.description();
    }

    private java.util.Optional<Map<String, Object>> neighbour(String site, PortInfo port, List<String> ours,
                                                              CableInfo.CableEnd peer) {
        Map<String, List<AddressInfo>> byPort = addressesByPort;
        Long remoteAs = asnByKey.get(SiteInventory.allocationKey(site, peer.device(), "asn"));
        if (remoteAs == null) {
            return java.util.Optional.empty();
        }
        for (String mine : ours) {
            IPAddress subnet = new IPAddressString(mine).getAddress();
            if (subnet == null) {
                continue;
            }
            for (AddressInfo theirs : byPort.getOrDefault(peer.device() + "\u0000" + peer.port(), List.of())) {
                IPAddress address = new IPAddressString(theirs.address()).getAddress();
                if (address != null && subnet.toPrefixBlock().contains(address.withoutPrefixLength())) {
                    Map<String, Object> neighbour = new LinkedHashMap<>();
                    neighbour.put("address", theirs.host());
                    neighbour.put("remote_as", remoteAs);
                    neighbour.put("interface", port.name());
                    neighbour.put("description", peer.device());
                    return java.util.Optional.of(neighbour);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String key(CableInfo.CableEnd end) {
        return end.device() + "\u0000" + end.port();
    }
}
