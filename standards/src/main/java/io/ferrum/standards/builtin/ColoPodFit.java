package io.ferrum.standards.builtin;

import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.ipam.Cidr;
import io.ferrum.standards.definition.DefinitionException;
import io.ferrum.standards.definition.DefinitionProblem;
import io.ferrum.standards.definition.DefinitionSource;
import io.ferrum.standards.definition.SiteDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a definition fits the colo-pod standard: known server models and device names, border ports that exist,
 * racks that can hold their servers, enough address space and AS numbers. Racks that cannot hold their servers are
 * refused rather than spilled into other racks: spilling would move servers (and their cables and addresses)
 * whenever a neighbour changes, and a person should decide where the extra servers go.
 */
final class ColoPodFit {

    /** Child prefix lengths the standard carves, for IPv4 and IPv6 supernets. */
    static int rackSubnetLength(Cidr supernet) {
        return supernet.isIpv4() ? 26 : 64;
    }

    static int linkLength(Cidr supernet) {
        return supernet.isIpv4() ? 31 : 127;
    }

    private final String id;
    private final RackLayout layout;
    private final ColoPodRules rules;

    ColoPodFit(String id, ColoPodRules rules) {
        this.id = id;
        this.rules = rules;
        this.layout = new RackLayout(rules);
    }

    void check(SiteDefinition definition) {
        DefinitionSource source = definition.source();
        List<DefinitionProblem> problems = new ArrayList<>();
        for (int i = 0; i < definition.racks().size(); i++) {
            checkRack(definition, i, problems);
        }
        checkNetworkRack(definition, problems);
        checkExternalPorts(definition, problems);
        int racks = definition.racks().size();
        int fabricPorts = rules.borderFabricPorts().size();
        int fabricRacks = fabricPorts / RackLayout.LEAFS_PER_RACK;
        if (racks > fabricRacks) {
            problems.add(source.problem("racks", "has " + racks + " racks but " + id + "'s borders have fabric "
                    + "ports for " + fabricRacks + " (" + fabricPorts
                    + " ports, one per leaf)"));
        }
        checkSpace(definition, problems);
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
    }

    private void checkRack(SiteDefinition definition, int index, List<DefinitionProblem> problems) {
        DefinitionSource source = definition.source();
        SiteDefinition.Rack rack = definition.racks().get(index);
        String path = "racks[" + index + "]";
        for (String device : rack.switchSerials().keySet()) {
            if (!layout.rackNetworkDevices().contains(device)) {
                problems.add(source.problem(path + ".switchSerials." + device, "'" + device + "' is not a "
                        + "device " + id + " puts in a rack; expected " + String.join(", ", layout.rackNetworkDevices())));
            }
        }
        SiteDefinition.RackProfile profile = definition.rackProfiles().get(rack.profile());
        if (profile == null) {
            problems.add(source.problem(path + ".profile", "'" + rack.profile() + "' is not a rack profile"));
            return;
        }
        SiteDefinition.Servers servers = rack.servers();
        if (servers.count() == 0) {
            return;
        }
        DeviceTypeDraft model = ColoPodCatalogue.SERVERS.get(servers.model());
        if (model == null) {
            problems.add(source.problem(path + ".servers.model", "'" + servers.model() + "' is not a server model "
                    + "of " + id + "; known are " + String.join(", ", ColoPodCatalogue.SERVERS.keySet())));
            return;
        }
        RackLayout.Capacity capacity = layout.capacity(profile, model);
        if (servers.count() > capacity.maxServers()) {
            problems.add(source.problem(path + ".servers.count", "rack " + rack.name() + " (profile "
                    + rack.profile() + ") holds at most " + capacity.maxServers() + " " + model.slug()
                    + " servers under " + id + ", not " + servers.count() + ": limited by " + capacity.limitedBy()
                    + " (" + capacity.detail() + "); " + id + " refuses rather than spilling servers into other "
                    + "racks: move them to another rack or give this rack a bigger profile"));
        }
    }

    private void checkNetworkRack(SiteDefinition definition, List<DefinitionProblem> problems) {
        DefinitionSource source = definition.source();
        SiteDefinition.NetworkRack network = definition.network();
        for (String device : network.serials().keySet()) {
            if (!layout.networkRackDevices().contains(device)) {
                problems.add(source.problem("network.serials." + device, "'" + device + "' is not a device "
                        + id + " puts in the network rack; expected " + String.join(", ", layout.networkRackDevices())));
            }
        }
        SiteDefinition.RackProfile profile = definition.rackProfiles().get(network.profile());
        if (profile == null) {
            problems.add(source.problem("network.profile", "'" + network.profile() + "' is not a rack profile"));
        } else if (profile.heightU() < layout.networkRackHeightU() || profile.powerBudgetW() < layout.networkRackPowerW()) {
            problems.add(source.problem("network.profile", "the network rack needs at least "
                    + layout.networkRackHeightU() + "U and " + layout.networkRackPowerW() + " W for two "
                    + ColoPodCatalogue.BORDER.slug() + " borders, a management switch and a console server; profile '"
                    + network.profile() + "' has " + profile.heightU() + "U and " + profile.powerBudgetW() + " W"));
        }
    }

    /** Uplinks and hand-offs land on border external ports, each port used once. */
    private void checkExternalPorts(SiteDefinition definition, List<DefinitionProblem> problems) {
        Map<String, String> used = new HashMap<>();
        for (int i = 0; i < definition.uplinks().size(); i++) {
            SiteDefinition.Uplink uplink = definition.uplinks().get(i);
            checkExternalPort(definition.source(), "uplinks[" + i + "]", uplink.border(), uplink.port(), used,
                    problems);
        }
        for (int e = 0; e < definition.exchanges().size(); e++) {
            List<SiteDefinition.Handoff> handoffs = definition.exchanges().get(e).handoffs();
            for (int h = 0; h < handoffs.size(); h++) {
                checkExternalPort(definition.source(), "exchanges[" + e + "].handoffs[" + h + "]",
                        handoffs.get(h).border(), handoffs.get(h).port(), used, problems);
            }
        }
    }

    private void checkExternalPort(DefinitionSource source, String path, String border, String port,
                                   Map<String, String> used, List<DefinitionProblem> problems) {
        if (!layout.borderNames().contains(border)) {
            problems.add(source.problem(path + ".border", "'" + border + "' is not a border device of " + id
                    + "; expected " + String.join(" or ", layout.borderNames())));
            return;
        }
        if (!rules.borderExternalPorts().contains(port)) {
            problems.add(source.problem(path + ".port", "'" + port + "' is not an external port of "
                    + ColoPodCatalogue.BORDER.slug() + " under " + id + "; expected one of "
                    + String.join(", ", rules.borderExternalPatterns())));
            return;
        }
        String first = used.putIfAbsent(border + " " + port, path);
        if (first != null) {
            problems.add(source.problem(path + ".port", border + " " + port + " is already used by " + first));
        }
    }

    private void checkSpace(SiteDefinition definition, List<DefinitionProblem> problems) {
        DefinitionSource source = definition.source();
        SiteDefinition.IpSpace space = definition.ipSpace();
        int racks = definition.racks().size();
        int leafs = racks * RackLayout.LEAFS_PER_RACK;
        int routers = leafs + RackLayout.BORDERS;
        int managed = racks * (layout.rackNetworkDevices().size()) + layout.networkRackDevices().size();
        int links = leafs * RackLayout.BORDERS;
        int handoffs = definition.exchanges().stream().mapToInt(e -> e.handoffs().size()).sum();
        int maxServers = definition.racks().stream().mapToInt(r -> r.servers().count()).max().orElse(0);
        need(source, problems, "ipSpace.server", space.server(), rackSubnetLength(space.server()), racks,
                "a /" + rackSubnetLength(space.server()) + " per rack");
        need(source, problems, "ipSpace.bmc", space.bmc(), rackSubnetLength(space.bmc()), racks,
                "a /" + rackSubnetLength(space.bmc()) + " per rack");
        need(source, problems, "ipSpace.mgmt", space.mgmt(), space.mgmt().bitCount(), managed + 2,
                "an address per switch and console server, plus network and broadcast");
        need(source, problems, "ipSpace.loopback", space.loopback(), space.loopback().bitCount(), routers,
                "a /" + space.loopback().bitCount() + " loopback per leaf and border");
        need(source, problems, "ipSpace.p2p", space.p2p(), linkLength(space.p2p()), links,
                "a /" + linkLength(space.p2p()) + " per leaf-border link");
        if (space.exchange() != null) {
            need(source, problems, "ipSpace.exchange", space.exchange(), linkLength(space.exchange()), handoffs,
                    "a /" + linkLength(space.exchange()) + " per exchange hand-off");
        }
        if (maxServers > 62 && space.bmc().isIpv4()) {
            problems.add(source.problem("ipSpace.bmc", "a /26 per rack holds 62 BMCs, fewer than " + maxServers));
        }
        if (definition.asnRange().size() < routers) {
            problems.add(source.problem("asnRange", definition.asnRange() + " has " + definition.asnRange().size()
                    + " AS numbers but " + id + " needs one per leaf and border: " + routers));
        }
    }

    private static void need(DefinitionSource source, List<DefinitionProblem> problems, String field, Cidr supernet,
                             int childLength, int needed, String why) {
        long available = children(supernet, childLength);
        if (available < needed) {
            problems.add(source.problem(field, supernet + " is too small: " + needed + " needed (" + why + "), "
                    + available + " available"));
        }
    }

    private static long children(Cidr supernet, int childLength) {
        int bits = childLength - supernet.prefixLength();
        if (bits < 0) {
            return 0;
        }
        return bits >= 62 ? Long.MAX_VALUE : 1L << bits;
    }
}
