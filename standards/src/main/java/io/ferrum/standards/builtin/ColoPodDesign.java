package io.ferrum.standards.builtin;

import static io.ferrum.standards.spi.Standard.OWNERSHIP_TAG;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.RackFace;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteStatus;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.IpStatus;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRole;
import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One run of the colo-pod standard over one (already fitted) definition: collects everything the site should be. */
final class ColoPodDesign {

    private static final List<String> TAGS = List.of(OWNERSHIP_TAG);

    private final SiteDefinition definition;
    private final ColoPodRules rules;
    private final RackLayout layout;
    private final String id;
    private final String site;
    private final Names names;
    private final RowModel row;
    private final CableColours colours;
    private final Map<String, Placement> placements = new HashMap<>();

    private final List<RackDraft> racks = new ArrayList<>();
    private final List<DeviceDraft> devices = new ArrayList<>();
    private final List<CableDraft> cables = new ArrayList<>();
    private final List<PrefixDraft> prefixes = new ArrayList<>();
    private final List<DesiredSite.PrefixAllocation> prefixAllocations = new ArrayList<>();
    private final List<DesiredSite.AddressAllocation> addresses = new ArrayList<>();
    private final List<DesiredSite.AsnAllocation> asns = new ArrayList<>();
    private final List<DesiredSite.ExchangeSpec> exchanges = new ArrayList<>();
    private final List<ExchangeConnectionDraft> connections = new ArrayList<>();
    /** By name, in first-use order, so the design lists each platform once and always in the same order. */
    private final Map<String, DesiredSite.PlatformSpec> platforms = new java.util.LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    ColoPodDesign(SiteDefinition definition, ColoPodRules rules, String id) {
        this.definition = definition;
        this.rules = rules;
        this.layout = new RackLayout(rules);
        this.id = id;
        this.site = definition.site().code();
        this.names = new Names(site);
        this.colours = rules.colours();
        List<String> rowOrder = new ArrayList<>();
        rowOrder.add(definition.network().rack());
        definition.racks().forEach(r -> rowOrder.add(r.name()));
        this.row = new RowModel(rowOrder);
    }

    DesiredSite design() {
        SiteDefinition.Site s = definition.site();
        SiteDraft siteDraft = new SiteDraft(site, s.name(), s.address(), s.timezone(), SiteStatus.PLANNED, TAGS);
        supernets();
        notes.add(id + ": racks that cannot hold their servers (power at maximum draw, height, leaf ports, "
                + "management ports) are refused, never spilled into other racks");
        networkRack();
        for (int i = 0; i < definition.racks().size(); i++) {
            serverRack(i, definition.racks().get(i));
        }
        exchangesAndUplinks();
        String pool = site + "-asn";
        return new DesiredSite(id, siteDraft, ColoPodCatalogue.all(), racks, devices, cables, prefixes,
                prefixAllocations, addresses,
                List.of(new DesiredSite.AsnPoolSpec(pool, definition.asnRange().first(), definition.asnRange().last())),
                asns, exchanges, connections, notes, List.copyOf(platforms.values()));
    }

    private void supernets() {
        SiteDefinition.IpSpace space = definition.ipSpace();
        supernet(space.mgmt(), PrefixRole.MGMT);
        supernet(space.bmc(), PrefixRole.BMC);
        supernet(space.loopback(), PrefixRole.LOOPBACK);
        supernet(space.p2p(), PrefixRole.P2P);
        supernet(space.server(), PrefixRole.SERVER);
        if (space.exchange() != null) {
            supernet(space.exchange(), PrefixRole.EXCHANGE);
        }
    }

    private void supernet(Cidr cidr, PrefixRole role) {
        prefixes.add(new PrefixDraft(null, cidr.toString(), role, site, IpStatus.ACTIVE,
                site + " " + role.wire() + " supernet", TAGS));
    }

    private void networkRack() {
        SiteDefinition.NetworkRack network = definition.network();
        SiteDefinition.RackProfile profile = definition.rackProfiles().get(network.profile());
        String rack = network.rack();
        int height = profile.heightU();
        racks.add(new RackDraft(site, null, rack, height, profile.powerBudgetW(), network.profile(), TAGS));
        DeviceStatus status = network.status() == null ? DeviceStatus.PLANNED : network.status();
        String mgmt = names.network("mgmt01");
        String console = names.network("console01");
        device(rack, height, mgmt, DeviceRole.MGMT_SWITCH, ColoPodCatalogue.MGMT_SWITCH,
                network.serials().get("mgmt01"), status, layout.mgmtPosition(height));
        device(rack, height, console, DeviceRole.CONSOLE_SERVER, ColoPodCatalogue.CONSOLE_SERVER,
                network.serials().get("console01"), status, layout.networkConsolePosition(height));
        managementAddress(mgmt, ColoPodCatalogue.MGMT_FIRST_UPLINK_PORT);
        managementAddress(console, "Eth0");
        copper(console, "Eth0", mgmt, "Ethernet46", colours.mgmt());
        for (int b = 1; b <= RackLayout.BORDERS; b++) {
            String border = names.network(String.format("border%02d", b));
            device(rack, height, border, DeviceRole.BORDER, ColoPodCatalogue.BORDER,
                    network.serials().get(String.format("border%02d", b)), status, layout.borderPosition(b));
            router(border);
            managementAddress(border, "Management1");
            copper(border, "Management1", mgmt, "Ethernet" + (49 - b), colours.mgmt());
            pluggable(mgmt, "Ethernet" + (48 + b), border, ColoPodCatalogue.BORDER_MGMT_UPLINK_PORT,
                    colours.mgmtUplink());
            console(border, "Console", console, "Port" + b);
        }
        console(mgmt, "Console", console, "Port" + (RackLayout.BORDERS + 1));
    }

    private void serverRack(int index, SiteDefinition.Rack rack) {
        SiteDefinition.RackProfile profile = definition.rackProfiles().get(rack.profile());
        int height = profile.heightU();
        String name = rack.name();
        racks.add(new RackDraft(site, null, name, height, profile.powerBudgetW(), rack.profile(), TAGS));
        DeviceStatus status = rack.status() == null ? DeviceStatus.PLANNED : rack.status();
        String mgmt = names.inRack(name, "mgmt01");
        device(name, height, mgmt, DeviceRole.MGMT_SWITCH, ColoPodCatalogue.MGMT_SWITCH,
                rack.switchSerials().get("mgmt01"), status, layout.mgmtPosition(height));
        managementAddress(mgmt, ColoPodCatalogue.MGMT_FIRST_UPLINK_PORT);
        List<String> leafs = new ArrayList<>();
        for (int l = 1; l <= RackLayout.LEAFS_PER_RACK; l++) {
            String shortName = String.format("leaf%02d", l);
            String leaf = names.inRack(name, shortName);
            leafs.add(leaf);
            device(name, height, leaf, DeviceRole.LEAF, ColoPodCatalogue.LEAF, rack.switchSerials().get(shortName),
                    status, layout.leafPosition(l, height));
            router(leaf);
            managementAddress(leaf, "Management1");
            copper(leaf, "Management1", mgmt, "Ethernet" + (49 - l), colours.mgmt());
            pluggable(mgmt, "Ethernet" + (48 + l), leaf, ColoPodCatalogue.LEAF_MGMT_UPLINK_PORT,
                    colours.mgmtUplink());
            fabric(index, l, leaf);
        }
        if (rules.consoleServerPerRack()) {
            String console = names.inRack(name, "console01");
            device(name, height, console, DeviceRole.CONSOLE_SERVER, ColoPodCatalogue.CONSOLE_SERVER,
                    rack.switchSerials().get("console01"), status, layout.consolePosition(height));
            managementAddress(console, "Eth0");
            copper(console, "Eth0", mgmt, "Ethernet46", colours.mgmt());
            for (int l = 1; l <= leafs.size(); l++) {
                console(leafs.get(l - 1), "Console", console, "Port" + l);
            }
            console(mgmt, "Console", console, "Port" + (leafs.size() + 1));
        }
        SiteDefinition.IpSpace space = definition.ipSpace();
        String serverSubnet = names.key(name, "server");
        String bmcSubnet = names.key(name, "bmc");
        prefixAllocations.add(new DesiredSite.PrefixAllocation(serverSubnet, space.server().toString(),
                ColoPodFit.rackSubnetLength(space.server()), PrefixRole.SERVER, "servers of rack " + name));
        prefixAllocations.add(new DesiredSite.PrefixAllocation(bmcSubnet, space.bmc().toString(),
                ColoPodFit.rackSubnetLength(space.bmc()), PrefixRole.BMC, "BMCs of rack " + name));
        servers(rack, height, status, leafs, mgmt, bmcSubnet);
    }

    private void servers(SiteDefinition.Rack rack, int height, DeviceStatus status, List<String> leafs, String mgmt,
                         String bmcSubnet) {
        SiteDefinition.Servers servers = rack.servers();
        if (servers.count() == 0) {
            notes.add(rack.name() + ": no servers");
            return;
        }
        DeviceTypeDraft model = ColoPodCatalogue.SERVERS.get(servers.model());
        RackLayout.Capacity capacity = layout.capacity(definition.rackProfiles().get(rack.profile()), model);
        notes.add(rack.name() + ": " + servers.count() + " " + model.slug() + " of at most "
                + capacity.maxServers() + " (limited by " + capacity.limitedBy() + ": " + capacity.detail() + ")");
        for (int s = 0; s < servers.count(); s++) {
            String server = names.server(rack.name(), s + 1);
            device(rack.name(), height, server, DeviceRole.SERVER, model, servers.serial(s), status,
                    layout.serverPosition(s, model));
            String leafPort = "Ethernet" + (s + 1);
            pluggable(server, "eth0", leafs.get(0), leafPort, colours.serverA());
            pluggable(server, "eth1", leafs.get(1), leafPort, colours.serverB());
            copper(server, "bmc", mgmt, "Ethernet" + (s + 1), colours.bmc());
            addresses.add(new DesiredSite.AddressAllocation(names.key(server, "bmc"), bmcSubnet, false, server,
                    "bmc", server + "-bmc", true));
        }
    }

    /** Leaf {@code leaf} of rack {@code index} to every border, one /31 per link. */
    private void fabric(int index, int leaf, String leafName) {
        String borderPort = rules.borderFabricPorts().get(index * RackLayout.LEAFS_PER_RACK + leaf - 1);
        for (int b = 1; b <= RackLayout.BORDERS; b++) {
            String border = names.network(String.format("border%02d", b));
            String leafPort = "Ethernet" + (ColoPodCatalogue.LEAF_FIRST_FABRIC_PORT + b - 1);
            String label = pluggable(leafName, leafPort, border, borderPort, colours.fabric());
            String link = names.key(label, "p2p");
            prefixAllocations.add(new DesiredSite.PrefixAllocation(link, definition.ipSpace().p2p().toString(),
                    ColoPodFit.linkLength(definition.ipSpace().p2p()), PrefixRole.P2P,
                    leafName + " " + leafPort + " to " + border + " " + borderPort));
            interfaceAddress(leafName, leafPort, link);
            interfaceAddress(border, borderPort, link);
        }
    }

    private void exchangesAndUplinks() {
        for (SiteDefinition.Uplink uplink : definition.uplinks()) {
            notes.add("WAN uplink " + uplink.name() + " (circuit " + uplink.circuitId() + ") terminates on "
                    + names.network(uplink.border()) + " " + uplink.port() + "; the carrier's side is outside "
                    + "the site, so no cable or address is designed for it");
        }
        for (SiteDefinition.Exchange exchange : definition.exchanges()) {
            exchanges.add(new DesiredSite.ExchangeSpec(exchange.code(), exchange.name()));
            for (SiteDefinition.Handoff handoff : exchange.handoffs()) {
                String border = names.network(handoff.border());
                String link = names.key(names.cableLabel(border, handoff.port()), "exchange");
                prefixAllocations.add(new DesiredSite.PrefixAllocation(link,
                        definition.ipSpace().exchange().toString(), ColoPodFit.linkLength(definition.ipSpace().exchange()),
                        PrefixRole.EXCHANGE, exchange.code() + " hand-off " + handoff.circuitId()));
                interfaceAddress(border, handoff.port(), link);
                connections.add(new ExchangeConnectionDraft(exchange.code(), site, border, List.of(handoff.port()),
                        handoff.circuitId(), handoff.killSwitchGroup(), ConnectionStatus.PLANNED,
                        exchange.name() + " hand-off on " + border + " " + handoff.port(), TAGS));
            }
        }
    }

    private void device(String rack, int rackHeight, String hostname, DeviceRole role, DeviceTypeDraft type,
                        String serial, DeviceStatus status, int positionU) {
        DesiredSite.PlatformSpec platform = rules.platformOf(type.manufacturer());
        if (platform != null) {
            platforms.put(platform.name(), platform);
        }
        devices.add(new DeviceDraft(site, rack, hostname, role, type.slug(), platform == null ? null : platform.name(),
                serial, null, status,
                RackFace.FRONT, positionU, TAGS));
        placements.put(hostname, new Placement(rack, positionU, type.uHeight(), rackHeight));
    }

    private void router(String hostname) {
        asns.add(new DesiredSite.AsnAllocation(names.key(hostname, "asn"), site + "-asn", "BGP AS of " + hostname));
        // The model assigns addresses only to physical ports, so a loopback is held by its key, not by a port.
        addresses.add(new DesiredSite.AddressAllocation(names.key(hostname, "loopback"),
                definition.ipSpace().loopback().toString(), true, null, null, hostname + "-lo0", false));
    }

    private void managementAddress(String hostname, String port) {
        addresses.add(new DesiredSite.AddressAllocation(names.key(hostname, "mgmt"),
                definition.ipSpace().mgmt().toString(), false, hostname, port, hostname, true));
    }

    private void interfaceAddress(String hostname, String port, String pool) {
        addresses.add(new DesiredSite.AddressAllocation(names.key(hostname, Names.portSlug(port)), pool, false,
                hostname, port, hostname + "-" + Names.portSlug(port), false));
    }

    /** A cable whose label comes from its edge-side end {@code a}; returns the label. */
    private String pluggable(String aDevice, String aPort, String bDevice, String bPort, String colour) {
        CableSelector.Choice choice = CableSelector.pluggable(length(aDevice, bDevice));
        return cable(aDevice, aPort, bDevice, bPort, colour, choice);
    }

    private void copper(String aDevice, String aPort, String bDevice, String bPort, String colour) {
        cable(aDevice, aPort, bDevice, bPort, colour, CableSelector.copper(length(aDevice, bDevice)));
    }

    private void console(String aDevice, String aPort, String bDevice, String bPort) {
        cable(aDevice, aPort, bDevice, bPort, colours.console(), CableSelector.console(length(aDevice, bDevice)));
    }

    private String cable(String aDevice, String aPort, String bDevice, String bPort, String colour,
                         CableSelector.Choice choice) {
        String label = names.cableLabel(aDevice, aPort);
        cables.add(new CableDraft(label, new CableDraft.End(aDevice, aPort), new CableDraft.End(bDevice, bPort),
                choice.type(), colour, choice.lengthM(), CableStatus.PLANNED, TAGS));
        return label;
    }

    private double length(String a, String b) {
        return row.routedLength(placements.get(a), placements.get(b));
    }
}
