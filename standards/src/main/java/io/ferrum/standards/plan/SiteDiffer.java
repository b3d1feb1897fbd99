package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Cable;
import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableRepository;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.DeviceTypeRepository;
import io.ferrum.model.dcim.Rack;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.RackRepository;
import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.exchange.ExchangeRepository;
import io.ferrum.model.ipam.Asn;
import io.ferrum.model.ipam.AsnPoolRepository;
import io.ferrum.model.ipam.AsnRepository;
import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.IpAddress;
import io.ferrum.model.ipam.IpAddressRepository;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRepository;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.spi.Standard;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Compares a standard's design with the stored intent of its site. Objects the standard owns carry the ownership tag
 * (or, for IPAM allocations, a key under {@code <site>/}); owned objects missing from the design are deleted,
 * objects without the mark are hand-made and left alone. Lifecycle fields that operations move on (device, cable
 * and connection status, the site's status) are set on create and never reverted by a re-plan.
 */
@Component
class SiteDiffer {

    private static final Set<String> LIFECYCLE = Set.of("status");
    private static final Set<String> NONE = Set.of();

    private final SiteRepository sites;
    private final RackRepository racks;
    private final DeviceTypeRepository deviceTypes;
    private final DeviceRepository devices;
    private final CableRepository cables;
    private final PrefixRepository prefixes;
    private final IpAddressRepository addresses;
    private final AsnPoolRepository asnPools;
    private final AsnRepository asns;
    private final ExchangeRepository exchanges;
    private final ExchangeConnectionRepository connections;

    SiteDiffer(SiteRepository sites, RackRepository racks, DeviceTypeRepository deviceTypes, DeviceRepository devices,
               CableRepository cables, PrefixRepository prefixes, IpAddressRepository addresses,
               AsnPoolRepository asnPools, AsnRepository asns, ExchangeRepository exchanges,
               ExchangeConnectionRepository connections) {
        this.sites = sites;
        this.racks = racks;
        this.deviceTypes = deviceTypes;
        this.devices = devices;
        this.cables = cables;
        this.prefixes = prefixes;
        this.addresses = addresses;
        this.asnPools = asnPools;
        this.asns = asns;
        this.exchanges = exchanges;
        this.connections = connections;
    }

    SiteDiff diff(DesiredSite desired, PlanOptions options) {
        SiteDiff diff = new SiteDiff(desired);
        String code = desired.site().code();
        Site site = sites.findByCode(code).orElse(null);
        diffDeviceTypes(diff);
        for (DesiredSite.ExchangeSpec exchange : desired.exchanges()) {
            if (exchanges.findByCode(exchange.code()).isEmpty()) {
                diff.exchangesToCreate.add(exchange);
                diff.change(ChangeAction.CREATE, "exchange", exchange.code(),
                        List.of(new AttributeChange("name", null, exchange.name())), null);
            }
        }
        if (site == null) {
            diff.siteToCreate = desired.site();
            diff.change(ChangeAction.CREATE, "site", code, RecordDiff.created(desired.site(), NONE), null);
        } else {
            List<AttributeChange> changed = RecordDiff.between(DraftsOf.site(site), desired.site().normalized(), LIFECYCLE);
            if (!changed.isEmpty()) {
                diff.siteToUpdate = new SiteDiff.Update<>(site.getId(), keepStatus(desired.site(), site));
                diff.change(ChangeAction.UPDATE, "site", code, changed, null);
            }
        }
        diffRacks(diff, site);
        diffPrefixes(diff, site);
        List<Device> siteDevices = site == null ? List.of() : devices.findInSiteFetched(site);
        Set<String> replacedDevices = diffDevices(diff, siteDevices, options);
        diffCables(diff, site, replacedDevices);
        diffAllocations(diff, code);
        diffAsns(diff, code);
        diffAddresses(diff, code, siteDevices);
        diffConnections(diff, site);
        return diff;
    }

    private void diffDeviceTypes(SiteDiff diff) {
        for (DeviceTypeDraft wanted : diff.desired.deviceTypes()) {
            var current = deviceTypes.findBySlug(wanted.slug());
            if (current.isEmpty()) {
                diff.deviceTypesToCreate.add(wanted);
                diff.change(ChangeAction.CREATE, "device-type", wanted.slug(), RecordDiff.created(wanted, NONE), null);
            } else {
                List<AttributeChange> changed = RecordDiff.between(DraftsOf.deviceType(current.get()), wanted.normalized(), NONE);
                if (!changed.isEmpty()) {
                    diff.deviceTypesToUpdate.add(new SiteDiff.Update<>(current.get().getId(), wanted));
                    diff.change(ChangeAction.UPDATE, "device-type", wanted.slug(), changed,
                            "existing devices keep their ports");
                }
            }
        }
    }

    private void diffRacks(SiteDiff diff, Site site) {
        Map<String, Rack> current = site == null ? Map.of() : index(racks.findBySiteOrderByName(site), Rack::getName);
        Set<String> wanted = new HashSet<>();
        for (RackDraft rack : diff.desired.racks()) {
            wanted.add(rack.name());
            Rack existing = current.get(rack.name());
            if (existing == null) {
                diff.racksToCreate.add(rack);
                diff.change(ChangeAction.CREATE, "rack", rack.name(), RecordDiff.created(rack, NONE), null);
            } else {
                List<AttributeChange> changed = RecordDiff.between(DraftsOf.rack(existing), rack, NONE);
                if (!changed.isEmpty()) {
                    diff.racksToUpdate.add(new SiteDiff.Update<>(existing.getId(), rack));
                    diff.change(ChangeAction.UPDATE, "rack", rack.name(), changed, null);
                }
            }
        }
        current.values().stream().filter(r -> owned(r.getTags()) && !wanted.contains(r.getName())).forEach(r -> {
            diff.racksToDelete.add(r.getId());
            diff.change(ChangeAction.DELETE, "rack", r.getName(), List.of(), "no longer in the definition");
        });
    }

    private void diffPrefixes(SiteDiff diff, Site site) {
        Set<String> wanted = new HashSet<>();
        for (PrefixDraft prefix : diff.desired.prefixes()) {
            String cidr = Cidr.parse(prefix.prefix()).toString();
            wanted.add(cidr);
            var existing = prefixes.findExact(null, cidr);
            if (existing.isEmpty()) {
                diff.prefixesToCreate.add(prefix);
                diff.change(ChangeAction.CREATE, "prefix", cidr, RecordDiff.created(prefix, NONE), null);
            } else if (existing.get().getAllocationKey() != null) {
                diff.blockers.add("prefix " + cidr + " is already allocated as " + existing.get().getAllocationKey());
            } else {
                List<AttributeChange> changed = RecordDiff.between(DraftsOf.prefix(existing.get()), prefix, LIFECYCLE);
                if (!changed.isEmpty()) {
                    diff.prefixesToUpdate.add(new SiteDiff.Update<>(existing.get().getId(), prefix));
                    diff.change(ChangeAction.UPDATE, "prefix", cidr, changed, null);
                }
            }
        }
        if (site != null) {
            prefixes.findBySite(site).stream()
                    .filter(p -> p.getAllocationKey() == null && owned(p.getTags()) && !wanted.contains(p.getPrefix()))
                    .forEach(p -> {
                        diff.prefixesToDelete.add(p.getId());
                        diff.change(ChangeAction.DELETE, "prefix", p.getPrefix(), List.of(), "no longer in the definition");
                    });
        }
    }

    /** Returns the hostnames of devices that are replaced, whose cables must be re-made too. */
    private Set<String> diffDevices(SiteDiff diff, List<Device> siteDevices, PlanOptions options) {
        Map<String, Device> current = index(siteDevices, Device::getHostname);
        Set<String> wanted = new HashSet<>();
        Set<String> replaced = new HashSet<>();
        Set<String> elsewhere = new HashSet<>();
        List<String> hostnames = diff.desired.devices().stream().map(DeviceDraft::hostname).toList();
        devices.findByHostnameIn(hostnames).stream().filter(d -> !d.getSite().getCode().equals(diff.desired.site().code()))
                .forEach(d -> {
                    elsewhere.add(d.getHostname());
                    diff.blockers.add("hostname " + d.getHostname() + " already belongs to site " + d.getSite().getCode());
                });
        for (DeviceDraft device : diff.desired.devices()) {
            wanted.add(device.hostname());
            if (elsewhere.contains(device.hostname())) {
                continue;
            }
            Device existing = current.get(device.hostname());
            if (existing == null) {
                diff.devicesToCreate.add(device);
                diff.change(ChangeAction.CREATE, "device", device.hostname(), RecordDiff.created(device, NONE), null);
                continue;
            }
            List<AttributeChange> changed = RecordDiff.between(DraftsOf.device(existing), device.normalized(), LIFECYCLE);
            if (changed.isEmpty()) {
                continue;
            }
            if (!existing.getDeviceType().getSlug().equals(device.deviceType())) {
                protect(diff, existing, options, "replace");
                replaced.add(device.hostname());
                diff.devicesToDelete.add(existing.getId());
                diff.devicesToCreate.add(device);
                diff.change(ChangeAction.REPLACE, "device", device.hostname(), changed, "the device type changes");
            } else {
                diff.devicesToUpdate.add(new SiteDiff.Update<>(existing.getId(), keepStatus(device, existing)));
                diff.change(ChangeAction.UPDATE, "device", device.hostname(), changed, null);
            }
        }
        current.values().stream().filter(d -> owned(d.getTags()) && !wanted.contains(d.getHostname()))
                .sorted(Comparator.comparing(Device::getHostname)).forEach(d -> {
                    protect(diff, d, options, "delete");
                    replaced.add(d.getHostname());
                    diff.devicesToDelete.add(d.getId());
                    diff.change(ChangeAction.DELETE, "device", d.getHostname(), List.of(), "no longer in the definition");
                });
        return replaced;
    }

    private void diffCables(SiteDiff diff, Site site, Set<String> replacedDevices) {
        Map<String, Cable> current = site == null ? Map.of() : index(cables.findInSite(site), Cable::getLabel);
        Set<String> wanted = new HashSet<>();
        for (CableDraft cable : diff.desired.cables()) {
            wanted.add(cable.label());
            Cable existing = current.get(cable.label());
            if (existing == null) {
                diff.cablesToCreate.add(cable);
                diff.change(ChangeAction.CREATE, "cable", cable.label(), RecordDiff.created(cable, NONE), null);
                continue;
            }
            CableDraft stored = DraftsOf.cable(existing);
            List<AttributeChange> changed = RecordDiff.between(stored, cable, LIFECYCLE);
            boolean movedEnds = !stored.a().equals(cable.a()) || !stored.b().equals(cable.b());
            boolean onReplaced = replacedDevices.contains(stored.a().device())
                    || replacedDevices.contains(stored.b().device());
            if (movedEnds || onReplaced) {
                diff.cablesToDelete.add(existing.getId());
                diff.cablesToCreate.add(cable);
                diff.change(ChangeAction.REPLACE, "cable", cable.label(), changed,
                        movedEnds ? "its ends move" : "a device it connects is replaced");
            } else if (!changed.isEmpty()) {
                diff.cablesToUpdate.add(new SiteDiff.Update<>(existing.getId(), new CableDraft(cable.label(), cable.a(),
                        cable.b(), cable.type(), cable.colour(), cable.lengthM(), existing.getStatus(), cable.tags())));
                diff.change(ChangeAction.UPDATE, "cable", cable.label(), changed, null);
            }
        }
        for (Cable cable : current.values()) {
            if (wanted.contains(cable.getLabel())) {
                continue;
            }
            boolean onDeleted = replacedDevices.contains(cable.getAPort().getDevice().getHostname())
                    || replacedDevices.contains(cable.getBPort().getDevice().getHostname());
            if (owned(cable.getTags()) || onDeleted) {
                diff.cablesToDelete.add(cable.getId());
                diff.change(ChangeAction.DELETE, "cable", cable.getLabel(), List.of(),
                        owned(cable.getTags()) ? "no longer in the definition" : "a device it connects is removed");
            }
        }
    }

    private void diffAllocations(SiteDiff diff, String code) {
        Map<String, Prefix> current = index(prefixes.findByAllocationKeyStartingWith(code + "/"), Prefix::getAllocationKey);
        Set<String> wanted = new HashSet<>();
        for (DesiredSite.PrefixAllocation allocation : diff.desired.prefixAllocations()) {
            wanted.add(allocation.key());
            Prefix existing = current.get(allocation.key());
            if (existing == null) {
                diff.allocationsToCreate.add(allocation);
                diff.change(ChangeAction.CREATE, "prefix-allocation", allocation.key(), List.of(
                        new AttributeChange("parent", null, allocation.parent()),
                        new AttributeChange("length", null, "/" + allocation.length()),
                        new AttributeChange("prefix", null, "(known after apply)")), null);
            } else if (existing.cidr().prefixLength() != allocation.length()) {
                diff.blockers.add("prefix allocation " + allocation.key() + " holds " + existing.getPrefix()
                        + " but the standard now wants a /" + allocation.length()
                        + "; re-carving address space is not automatic: release it by hand first");
            }
        }
        current.values().stream().filter(p -> !wanted.contains(p.getAllocationKey()))
                .sorted(Comparator.comparing((Prefix p) -> -p.cidr().prefixLength())).forEach(p -> {
                    diff.allocationsToDelete.add(p.getId());
                    diff.change(ChangeAction.DELETE, "prefix-allocation", p.getAllocationKey(),
                            List.of(new AttributeChange("prefix", p.getPrefix(), null)), "no longer in the design");
                });
    }

    private void diffAsns(SiteDiff diff, String code) {
        for (DesiredSite.AsnPoolSpec pool : diff.desired.asnPools()) {
            var existing = asnPools.findByName(pool.name());
            if (existing.isEmpty()) {
                diff.asnPoolsToCreate.add(pool);
                diff.change(ChangeAction.CREATE, "asn-pool", pool.name(), List.of(new AttributeChange("range", null,
                        pool.rangeStart() + "-" + pool.rangeEnd())), null);
            } else if (existing.get().getRangeStart() != pool.rangeStart() || existing.get().getRangeEnd() != pool.rangeEnd()) {
                diff.blockers.add("ASN pool " + pool.name() + " exists with range " + existing.get().getRangeStart() + "-"
                        + existing.get().getRangeEnd() + "; changing a pool's range is not automatic");
            }
        }
        Map<String, Asn> current = index(asns.findByAllocationKeyStartingWith(code + "/"), Asn::getAllocationKey);
        Set<String> wanted = new HashSet<>();
        for (DesiredSite.AsnAllocation asn : diff.desired.asns()) {
            wanted.add(asn.key());
            if (!current.containsKey(asn.key())) {
                diff.asnsToCreate.add(asn);
                diff.change(ChangeAction.CREATE, "asn", asn.key(), List.of(new AttributeChange("pool", null, asn.pool()),
                        new AttributeChange("asn", null, "(known after apply)")), null);
            }
        }
        current.values().stream().filter(a -> !wanted.contains(a.getAllocationKey())).forEach(a -> {
            diff.asnsToDelete.add(a.getId());
            diff.change(ChangeAction.DELETE, "asn", a.getAllocationKey(),
                    List.of(new AttributeChange("asn", String.valueOf(a.getAsn()), null)), "no longer in the design");
        });
    }

    private void diffAddresses(SiteDiff diff, String code, List<Device> siteDevices) {
        Map<String, IpAddress> current = index(addresses.findKeyedFetched(code + "/"), IpAddress::getAllocationKey);
        Map<String, Long> primaryOf = new HashMap<>();
        siteDevices.forEach(d -> primaryOf.put(d.getHostname(), d.getPrimaryIpId()));
        Set<String> wanted = new HashSet<>();
        for (DesiredSite.AddressAllocation address : diff.desired.addresses()) {
            wanted.add(address.key());
            IpAddress existing = current.get(address.key());
            if (existing == null) {
                diff.addressesToCreate.add(address);
                diff.change(ChangeAction.CREATE, "ip-address", address.key(), List.of(
                        new AttributeChange("pool", null, address.pool()),
                        new AttributeChange("assigned", null, address.device() + ":" + address.port()),
                        new AttributeChange("address", null, "(known after apply)")), null);
                continue;
            }
            String assigned = existing.getPort() == null ? null
                    : existing.getPort().getDevice().getHostname() + ":" + existing.getPort().getName();
            String wantedAssignment = address.device() == null ? null : address.device() + ":" + address.port();
            List<AttributeChange> changed = new java.util.ArrayList<>();
            if (!java.util.Objects.equals(assigned, wantedAssignment)) {
                changed.add(new AttributeChange("assigned", assigned, wantedAssignment));
            }
            if (!java.util.Objects.equals(existing.getDnsName(), address.dnsName())) {
                changed.add(new AttributeChange("dnsName", existing.getDnsName(), address.dnsName()));
            }
            boolean primaryNow = address.device() != null
                    && existing.getId().equals(primaryOf.get(address.device()));
            if (address.primary() && !primaryNow) {
                changed.add(new AttributeChange("primary", "false", "true"));
            }
            if (!changed.isEmpty()) {
                diff.addressesToUpdate.add(new SiteDiff.Update<>(existing.getId(), address));
                diff.change(ChangeAction.UPDATE, "ip-address", address.key() + " " + existing.getAddress(), changed, null);
            }
        }
        current.values().stream().filter(a -> !wanted.contains(a.getAllocationKey())).forEach(a -> {
            diff.addressesToDelete.add(a.getId());
            diff.change(ChangeAction.DELETE, "ip-address", a.getAllocationKey(),
                    List.of(new AttributeChange("address", a.getAddress(), null)), "no longer in the design");
        });
    }

    private void diffConnections(SiteDiff diff, Site site) {
        Map<String, ExchangeConnection> current = site == null ? Map.of()
                : index(connections.findBySiteOrderByCircuitId(site), ExchangeConnection::getCircuitId);
        Set<String> wanted = new HashSet<>();
        for (ExchangeConnectionDraft connection : diff.desired.exchangeConnections()) {
            wanted.add(connection.circuitId());
            ExchangeConnection existing = current.get(connection.circuitId());
            if (existing == null) {
                diff.connectionsToCreate.add(connection);
                diff.change(ChangeAction.CREATE, "exchange-connection", connection.circuitId(),
                        RecordDiff.created(connection, NONE), null);
                continue;
            }
            List<AttributeChange> changed = RecordDiff.between(DraftsOf.exchangeConnection(existing), connection, LIFECYCLE);
            if (!changed.isEmpty()) {
                diff.connectionsToUpdate.add(new SiteDiff.Update<>(existing.getId(), new ExchangeConnectionDraft(
                        connection.exchange(), connection.site(), connection.device(), connection.ports(),
                        connection.circuitId(), connection.killSwitchGroup(), existing.getStatus(),
                        connection.description(), connection.tags())));
                diff.change(ChangeAction.UPDATE, "exchange-connection", connection.circuitId(), changed, null);
            }
        }
        current.values().stream().filter(c -> owned(c.getTags()) && !wanted.contains(c.getCircuitId())).forEach(c -> {
            diff.connectionsToDelete.add(c.getId());
            diff.change(ChangeAction.DELETE, "exchange-connection", c.getCircuitId(), List.of(),
                    "no longer in the definition");
        });
    }

    private static void protect(SiteDiff diff, Device device, PlanOptions options, String what) {
        boolean inProduction = device.getStatus() == DeviceStatus.ACTIVE || device.getStatus() == DeviceStatus.STAGED;
        if (inProduction && !options.allowDestroyActive()) {
            diff.blockers.add("device " + device.getHostname() + " is " + device.getStatus().wire() + "; the plan would "
                    + what + " it: re-plan with --allow-destroy-active (allowDestroyActive) if that is intended");
        }
    }

    private static DeviceDraft keepStatus(DeviceDraft d, Device existing) {
        return new DeviceDraft(d.site(), d.rack(), d.hostname(), d.role(), d.deviceType(), d.platform(), d.serial(),
                d.assetTag(), existing.getStatus(), d.face(), d.positionU(), d.tags());
    }

    private static io.ferrum.model.dcim.SiteDraft keepStatus(io.ferrum.model.dcim.SiteDraft d, Site existing) {
        return new io.ferrum.model.dcim.SiteDraft(d.code(), d.name(), d.address(), d.timezone(), existing.getStatus(),
                d.tags());
    }

    static boolean owned(List<String> tags) {
        return tags != null && tags.contains(Standard.OWNERSHIP_TAG);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, t -> t, (a, b) -> a, LinkedHashMap::new));
    }
}
