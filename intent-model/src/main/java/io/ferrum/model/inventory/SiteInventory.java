package io.ferrum.model.inventory;

import java.util.List;
import java.util.Optional;

/**
 * A read-only snapshot of one site's intent, in the shape consumers (build sheets, inventory exports,
 * the device lab, work orders) need: no JPA, no lazy loading, sorted deterministically so that the
 * same intent always gives the same snapshot and therefore byte-identical exports.
 *
 * <p>Racks are sorted by name, devices by rack, position and hostname, cables by label, prefixes and
 * addresses by VRF then numerically.
 */
public record SiteInventory(
        SiteInfo site,
        List<RackInfo> racks,
        List<DeviceInfo> devices,
        List<CableInfo> cables,
        List<PrefixInfo> prefixes,
        List<AddressInfo> addresses,
        List<ExchangeConnectionInfo> exchangeConnections,
        List<AsnInfo> asns) {

    /** An inventory without AS numbers: what build sheets need. */
    public SiteInventory(SiteInfo site, List<RackInfo> racks, List<DeviceInfo> devices, List<CableInfo> cables,
                         List<PrefixInfo> prefixes, List<AddressInfo> addresses,
                         List<ExchangeConnectionInfo> exchangeConnections) {
        this(site, racks, devices, cables, prefixes, addresses, exchangeConnections, List.of());
    }

    public SiteInventory {
        racks = List.copyOf(racks);
        devices = List.copyOf(devices);
        cables = List.copyOf(cables);
        prefixes = List.copyOf(prefixes);
        addresses = List.copyOf(addresses);
        exchangeConnections = List.copyOf(exchangeConnections);
        asns = List.copyOf(asns);
    }

    /**
     * What was allocated for one object by Ferrum's key convention {@code <site>/<object>/<purpose>}, e.g. the
     * {@code asn} or {@code loopback} of a device.
     */
    public static String allocationKey(String site, String object, String purpose) {
        return site + "/" + object + "/" + purpose;
    }


    public Optional<DeviceInfo> device(String hostname) {
        return devices.stream().filter(d -> d.hostname().equals(hostname)).findFirst();
    }

    public Optional<RackInfo> rack(String name) {
        return racks.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<DeviceInfo> devicesIn(String rackName) {
        return devices.stream().filter(d -> rackName.equals(d.rack())).toList();
    }
}
