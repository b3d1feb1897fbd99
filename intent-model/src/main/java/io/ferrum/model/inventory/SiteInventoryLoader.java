package io.ferrum.model.inventory;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.Cable;
import io.ferrum.model.dcim.CableRepository;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.PortRepository;
import io.ferrum.model.dcim.Rack;
import io.ferrum.model.dcim.RackRepository;
import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.ipam.IpAddress;
import io.ferrum.model.ipam.AsnRepository;
import io.ferrum.model.ipam.IpAddressRepository;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixRepository;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one site's intent into a {@link SiteInventory} in a handful of queries, sorted deterministically. */
@Service
@Transactional(readOnly = true)
public class SiteInventoryLoader {

    private static final Comparator<DeviceInfo> DEVICE_ORDER = Comparator
            .comparing((DeviceInfo d) -> d.rack() == null ? "\uffff" : d.rack())
            .thenComparing(d -> d.positionU() == null ? Integer.MAX_VALUE : d.positionU())
            .thenComparing(DeviceInfo::hostname);

    private final SiteRepository sites;
    private final RackRepository racks;
    private final DeviceRepository devices;
    private final PortRepository ports;
    private final CableRepository cables;
    private final PrefixRepository prefixes;
    private final IpAddressRepository addresses;
    private final ExchangeConnectionRepository connections;
    private final AsnRepository asns;

    public SiteInventoryLoader(SiteRepository sites, RackRepository racks, DeviceRepository devices,
                               PortRepository ports, CableRepository cables, PrefixRepository prefixes,
                               IpAddressRepository addresses, ExchangeConnectionRepository connections,
                               AsnRepository asns) {
        this.asns = asns;
        this.sites = sites;
        this.racks = racks;
        this.devices = devices;
        this.ports = ports;
        this.cables = cables;
        this.prefixes = prefixes;
        this.addresses = addresses;
        this.connections = connections;
    }

    public SiteInventory load(String siteCode) {
        Site site = sites.findByCode(siteCode)
                .orElseThrow(() -> IntentException.notFound("site", "site '" + siteCode + "' does not exist"));
        List<RackInfo> rackInfos = racks.findBySiteOrderByName(site).stream().map(SiteInventoryLoader::rack).toList();
        Map<Long, List<Port>> portsByDevice = ports.findInSite(site).stream()
                .sorted(Comparator.comparing(Port::getId))
                .collect(Collectors.groupingBy(p -> p.getDevice().getId()));
        List<IpAddress> siteAddresses = addresses.findForSite(site.getId());
        Map<Long, String> hostById = new HashMap<>();
        siteAddresses.forEach(a -> hostById.put(a.getId(), a.host()));
        List<DeviceInfo> deviceInfos = devices.findInSiteFetched(site).stream()
                .map(d -> device(d, portsByDevice.getOrDefault(d.getId(), List.of()), hostById))
                .sorted(DEVICE_ORDER).toList();
        List<CableInfo> cableInfos = cables.findInSite(site).stream().map(SiteInventoryLoader::cable).toList();
        List<PrefixInfo> prefixInfos = prefixes.findBySite(site).stream()
                .sorted(Comparator.comparing((Prefix p) -> p.getVrf() == null ? "" : p.getVrf().getName())
                        .thenComparing(p -> p.cidr().network().getLower())
                        .thenComparing(p -> p.cidr().prefixLength()))
                .map(p -> new PrefixInfo(p.getVrf() == null ? null : p.getVrf().getName(), p.getPrefix(), p.getRole(),
                        p.getStatus(), p.getDescription()))
                .toList();
        List<AddressInfo> addressInfos = siteAddresses.stream()
                .sorted(Comparator.comparing((IpAddress a) -> a.getVrf() == null ? "" : a.getVrf().getName())
                        .thenComparing(a -> io.ferrum.model.ipam.Cidr.parseHost(a.host())))
                .map(SiteInventoryLoader::address).toList();
        List<ExchangeConnectionInfo> connectionInfos = connections.findBySiteOrderByCircuitId(site).stream()
                .map(c -> new ExchangeConnectionInfo(c.getExchange().getCode(), c.getCircuitId(),
                        c.getDevice().getHostname(), c.getPorts().stream().map(Port::getName).toList(),
                        c.getKillSwitchGroup(), c.getStatus()))
                .toList();
        // AS pools are not tied to a site; the site's numbers are those allocated under its key prefix.
        List<AsnInfo> asnInfos = asns.findByAllocationKeyStartingWith(site.getCode() + "/").stream()
                .sorted(Comparator.comparingLong(io.ferrum.model.ipam.Asn::getAsn))
                .map(a -> new AsnInfo(a.getAsn(), a.getAllocationKey(), a.getDescription())).toList();
        return new SiteInventory(new SiteInfo(site.getCode(), site.getName(), site.getAddress(), site.getTimezone(),
                site.getStatus()), rackInfos, deviceInfos, cableInfos, prefixInfos, addressInfos, connectionInfos,
                asnInfos);
    }

    private static RackInfo rack(Rack r) {
        return new RackInfo(r.getName(), r.getLocation() == null ? null : r.getLocation().getName(), r.getHeightU(),
                r.getPowerBudgetW(), r.getProfile());
    }

    private static DeviceInfo device(Device d, List<Port> ports, Map<Long, String> hostById) {
        var type = d.getDeviceType();
        return new DeviceInfo(d.getHostname(), d.getRole(), type.getManufacturer().getName(), type.getModel(),
                type.getSlug(), type.getUHeight(), type.isFullDepth(), type.getTypicalPowerW(), type.getMaxPowerW(),
                d.getSerial(), d.getAssetTag(), d.getStatus(), d.getRack() == null ? null : d.getRack().getName(),
                d.getFace(), d.getPositionU(), d.getPlatform() == null ? null : d.getPlatform().getName(),
                d.getPrimaryIpId() == null ? null : hostById.get(d.getPrimaryIpId()), d.effectiveDesiredFirmware(),
                ports.stream().map(p -> new PortInfo(p.getName(), p.getKind(), p.getSpeedMbps(), p.getMedia(), p.getMac(),
                        p.isEnabled(), p.getDescription())).toList(),
                new java.util.TreeSet<>(d.getTags()));
    }

    private static CableInfo cable(Cable c) {
        return new CableInfo(c.getLabel(), end(c.getAPort()), end(c.getBPort()), c.getType(), c.getColour(),
                c.getLengthM(), c.getStatus());
    }

    private static CableInfo.CableEnd end(Port port) {
        return new CableInfo.CableEnd(port.getDevice().getHostname(), port.getName());
    }

    private static AddressInfo address(IpAddress a) {
        Port port = a.getPort();
        return new AddressInfo(a.getVrf() == null ? null : a.getVrf().getName(), a.getAddress(),
                port == null ? null : port.getDevice().getHostname(), port == null ? null : port.getName(),
                a.getDnsName(), a.getStatus(), a.getAllocationKey());
    }
}
