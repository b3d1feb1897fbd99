package io.ferrum.standards.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.ipam.PrefixRole;
import io.ferrum.standards.Examples;
import io.ferrum.standards.definition.DefinitionException;
import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.definition.SiteDefinitionParser;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.spi.Standard;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ColoPodV1Test {

    private final ColoPodV1 standard = new ColoPodV1();
    private final DesiredSite small = standard.design(Examples.parse("small-site.yaml"));

    @Test
    void namesDevicesFromSiteRackAndPosition() {
        assertThat(hostnames(small)).contains("ams1-r01-leaf01", "ams1-r01-leaf02", "ams1-r01-mgmt01",
                "ams1-r01-srv01", "ams1-r01-srv12", "ams1-r02-srv08", "ams1-border01", "ams1-border02",
                "ams1-console01", "ams1-mgmt01");
        assertThat(hostnames(small)).doesNotContain("ams1-r01-srv13", "ams1-r01-console01");
        assertThat(small.devices()).hasSize(4 + 3 * 3 + 12 + 8 + 4);
    }

    @Test
    void dualHomesEveryServerToBothLeafsAndItsBmcToTheManagementSwitch() {
        Map<String, CableDraft> byLabel = cablesByLabel(small);

        assertThat(byLabel.get("ams1-r01-srv07-eth0")).satisfies(c -> {
            assertThat(c.b()).isEqualTo(new CableDraft.End("ams1-r01-leaf01", "Ethernet7"));
            assertThat(c.type()).isEqualTo(CableType.DAC);
            assertThat(c.colour()).isEqualTo("blue");
        });
        assertThat(byLabel.get("ams1-r01-srv07-eth1").b()).isEqualTo(new CableDraft.End("ams1-r01-leaf02", "Ethernet7"));
        assertThat(byLabel.get("ams1-r01-srv07-eth1").colour()).isEqualTo("red");
        assertThat(byLabel.get("ams1-r01-srv07-bmc")).satisfies(c -> {
            assertThat(c.b()).isEqualTo(new CableDraft.End("ams1-r01-mgmt01", "Ethernet7"));
            assertThat(c.type()).isEqualTo(CableType.CAT6A);
            assertThat(c.colour()).isEqualTo("green");
        });
    }

    @Test
    void connectsEveryLeafToBothBordersOnTheRacksOwnBorderPort() {
        Map<String, CableDraft> byLabel = cablesByLabel(small);

        assertThat(byLabel.get("ams1-r01-leaf01-ethernet49").b()).isEqualTo(new CableDraft.End("ams1-border01", "Ethernet1/1"));
        assertThat(byLabel.get("ams1-r01-leaf01-ethernet50").b()).isEqualTo(new CableDraft.End("ams1-border02", "Ethernet1/1"));
        assertThat(byLabel.get("ams1-r03-leaf02-ethernet49").b()).isEqualTo(new CableDraft.End("ams1-border01", "Ethernet1/6"));
        assertThat(byLabel.get("ams1-r03-leaf02-ethernet49").colour()).isEqualTo("aqua");
    }

    @Test
    void choosesCableMediaAndStockLengthByDistance() {
        Map<String, CableDraft> byLabel = cablesByLabel(small);

        // r01 stands next to the network rack: leaf at U46 to the tray, 0.6 m along, down to the border at U1-10.
        assertThat(byLabel.get("ams1-r01-leaf01-ethernet49").type()).isEqualTo(CableType.AOC);
        assertThat(byLabel.get("ams1-r01-leaf01-ethernet49").lengthM()).isEqualByComparingTo("5");
        // A server at U1 to its leaf at U46 in the same rack: 2 m plus 0.5 m slack, just over 2.5: a 3 m DAC.
        assertThat(byLabel.get("ams1-r01-srv01-eth0").type()).isEqualTo(CableType.DAC);
        assertThat(byLabel.get("ams1-r01-srv01-eth0").lengthM()).isEqualByComparingTo("3");
        assertThat(byLabel.get("ams1-r01-srv12-eth0").lengthM()).isEqualByComparingTo("2.5");
        assertThat(byLabel.get("ams1-border01-console").type()).isEqualTo(CableType.CONSOLE);
    }

    @Test
    void farRacksGetSingleModeFibreToTheBorders() {
        SiteDefinition definition = Examples.parse("large-site.yaml");
        DesiredSite large = standard.design(definition);
        Map<String, CableDraft> byLabel = cablesByLabel(large);

        assertThat(byLabel.get("fra2-r01-leaf01-ethernet49").type()).isEqualTo(CableType.AOC);
        assertThat(byLabel.get("fra2-r40-leaf01-ethernet49").type()).isEqualTo(CableType.AOC);
        assertThat(byLabel.get("fra2-r40-leaf01-ethernet49").lengthM()).isEqualByComparingTo("30");
        SiteDefinition longer = Sites.withRacks(definition, 48);
        assertThat(cablesByLabel(standard.design(longer)).get("fra2-r48-leaf01-ethernet49").type())
                .isEqualTo(CableType.SMF);
    }

    @Test
    void placesServersFromTheBottomAndSwitchesAtTheTop() {
        Map<String, DeviceDraft> byHost = devicesByHost(small);

        assertThat(byHost.get("ams1-r01-mgmt01").positionU()).isEqualTo(48);
        assertThat(byHost.get("ams1-r01-leaf02").positionU()).isEqualTo(47);
        assertThat(byHost.get("ams1-r01-leaf01").positionU()).isEqualTo(46);
        assertThat(byHost.get("ams1-r01-srv01").positionU()).isEqualTo(1);
        assertThat(byHost.get("ams1-r02-srv03").positionU()).as("dell-r760 is 2U").isEqualTo(5);
        assertThat(byHost.get("ams1-border02").positionU()).isEqualTo(11);
    }

    @Test
    void takesSerialsByPositionAndLeavesUnknownOnesEmpty() {
        Map<String, DeviceDraft> byHost = devicesByHost(small);

        assertThat(byHost.get("ams1-r01-srv01").serial()).isEqualTo("SRV0001");
        assertThat(byHost.get("ams1-r01-srv05").serial()).isNull();
        assertThat(byHost.get("ams1-r01-srv06").serial()).isEqualTo("SRV0006");
        assertThat(byHost.get("ams1-r01-leaf02").serial()).isEqualTo("LF0002");
        assertThat(byHost.get("ams1-border01").serial()).isEqualTo("BR0001");
        assertThat(byHost.get("ams1-mgmt01").serial()).isNull();
    }

    @Test
    void designsDevicesAsPlannedUnlessTheRackSaysOtherwise() {
        String text = Examples.text("small-site.yaml").replace("    profile: half-power\n",
                "    profile: half-power\n    status: active\n");
        DesiredSite site = standard.design(new SiteDefinitionParser().parse("s.yaml", text));

        assertThat(devicesByHost(site).get("ams1-r01-srv01").status()).isEqualTo(DeviceStatus.PLANNED);
        assertThat(devicesByHost(site).get("ams1-r03-srv01").status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void tagsEverythingItDesignsAsOwnedByTheStandard() {
        assertThat(small.site().tags()).containsExactly(Standard.OWNERSHIP_TAG);
        assertThat(small.racks()).allSatisfy(r -> assertThat(r.tags()).containsExactly("ferrum:std"));
        assertThat(small.devices()).allSatisfy(d -> assertThat(d.tags()).containsExactly("ferrum:std"));
        assertThat(small.cables()).allSatisfy(c -> assertThat(c.tags()).containsExactly("ferrum:std"));
        assertThat(small.prefixes()).allSatisfy(p -> assertThat(p.tags()).containsExactly("ferrum:std"));
        assertThat(small.exchangeConnections()).allSatisfy(x -> assertThat(x.tags()).containsExactly("ferrum:std"));
    }

    @Test
    void carvesAddressesByStableAllocationKeys() {
        assertThat(small.prefixes()).extracting(p -> p.prefix() + " " + p.role().wire()).containsExactly(
                "10.0.0.0/23 mgmt", "10.0.4.0/22 bmc", "10.255.0.0/24 loopback", "10.254.0.0/23 p2p",
                "10.16.0.0/16 server", "192.0.2.0/26 exchange");
        assertThat(small.prefixAllocations()).contains(
                new DesiredSite.PrefixAllocation("ams1/r01/server", "10.16.0.0/16", 26, PrefixRole.SERVER,
                        "servers of rack r01"),
                new DesiredSite.PrefixAllocation("ams1/r01/bmc", "10.0.4.0/22", 26, PrefixRole.BMC,
                        "BMCs of rack r01"),
                new DesiredSite.PrefixAllocation("ams1/ams1-r01-leaf01-ethernet49/p2p", "10.254.0.0/23", 31,
                        PrefixRole.P2P, "ams1-r01-leaf01 Ethernet49 to ams1-border01 Ethernet1/1"));
        assertThat(small.addresses()).contains(
                new DesiredSite.AddressAllocation("ams1/ams1-r01-leaf01/loopback", "10.255.0.0/24", true, null,
                        null, "ams1-r01-leaf01-lo0", false),
                new DesiredSite.AddressAllocation("ams1/ams1-r01-leaf01/mgmt", "10.0.0.0/23", false,
                        "ams1-r01-leaf01", "Management1", "ams1-r01-leaf01", true),
                new DesiredSite.AddressAllocation("ams1/ams1-r01-leaf01/ethernet49",
                        "ams1/ams1-r01-leaf01-ethernet49/p2p", false, "ams1-r01-leaf01", "Ethernet49",
                        "ams1-r01-leaf01-ethernet49", false),
                new DesiredSite.AddressAllocation("ams1/ams1-border01/ethernet1-1",
                        "ams1/ams1-r01-leaf01-ethernet49/p2p", false, "ams1-border01", "Ethernet1/1",
                        "ams1-border01-ethernet1-1", false),
                new DesiredSite.AddressAllocation("ams1/ams1-r01-srv07/bmc", "ams1/r01/bmc", false,
                        "ams1-r01-srv07", "bmc", "ams1-r01-srv07-bmc", true));
        assertThat(small.addresses()).extracting(DesiredSite.AddressAllocation::key).doesNotHaveDuplicates();
    }

    @Test
    void givesEveryLeafAndBorderAnAsnFromTheSitePool() {
        assertThat(small.asnPools()).containsExactly(new DesiredSite.AsnPoolSpec("ams1-asn", 4200000000L, 4200000999L));
        assertThat(small.asns()).hasSize(3 * 2 + 2);
        assertThat(small.asns()).contains(new DesiredSite.AsnAllocation("ams1/ams1-r02-leaf02/asn", "ams1-asn",
                "BGP AS of ams1-r02-leaf02"));
    }

    @Test
    void landsExchangeHandOffsOnBordersWithAnAddressEach() {
        assertThat(small.exchanges()).containsExactly(new DesiredSite.ExchangeSpec("XAMS", "Euronext Amsterdam"));
        assertThat(small.exchangeConnections()).extracting(c -> c.device() + " " + c.ports() + " " + c.circuitId()
                + " " + c.killSwitchGroup()).containsExactly("ams1-border01 [Ethernet4/1] XAMS-4411 xams",
                "ams1-border02 [Ethernet4/1] XAMS-4412 xams");
        assertThat(small.prefixAllocations()).extracting(DesiredSite.PrefixAllocation::key)
                .contains("ams1/ams1-border01-ethernet4-1/exchange");
        assertThat(small.notes()).anyMatch(n -> n.startsWith("WAN uplink wan1 (circuit WAN-AMS-001) terminates on "
                + "ams1-border01 Ethernet4/47"));
    }

    @Test
    void statesEachRacksCapacityAndTheRefuseRuleInTheNotes() {
        assertThat(small.notes()).contains(
                "r03: 4 dell-r660 of at most 4 (limited by power: 4000 W budget, switches take 1150 W, each "
                        + "dell-r660 up to 700 W)");
        assertThat(small.notes()).anyMatch(n -> n.contains("refused, never spilled"));
    }

    @Test
    void addingAServerAddsCablesWithoutRelabellingOrMovingAnyExisting() {
        SiteDefinition definition = Examples.parse("small-site.yaml");
        DesiredSite more = standard.design(Sites.withServerCount(definition, 0, 13));

        assertThat(more.cables()).containsAll(small.cables());
        assertThat(more.devices()).containsAll(small.devices());
        assertThat(more.cables().size() - small.cables().size()).isEqualTo(3);
    }

    @Test
    void appendingARackChangesNothingThatExisted() {
        DesiredSite more = standard.design(Sites.withRacks(Examples.parse("small-site.yaml"), 4));

        assertThat(more.cables()).containsAll(small.cables());
        assertThat(more.devices()).containsAll(small.devices());
        assertThat(more.addresses()).containsAll(small.addresses());
    }

    @Test
    void designsTheSameSiteTheSameWayEveryTime() {
        assertThat(standard.design(Examples.parse("small-site.yaml"))).isEqualTo(small);
    }

    @Test
    void refusesARackThatCannotPowerItsServersNamingTheFieldAndTheLimit() {
        assertThatThrownBy(() -> standard.design(Examples.parse("bad/over-power.yaml")))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("bad/over-power.yaml:25:40: racks[2].servers.count: rack r03 (profile half-power) holds "
                        + "at most 4 dell-r660 servers under colo-pod@1, not 12: limited by power (4000 W budget, "
                        + "switches take 1150 W, each dell-r660 up to 700 W); colo-pod@1 refuses rather than "
                        + "spilling servers into other racks: move them to another rack or give this rack a bigger "
                        + "profile");
    }

    @Test
    void refusesWhatDoesNotFitByHeightOrLeafPorts() {
        String tall = Examples.text("small-site.yaml")
                .replace("full-power: {heightU: 48, powerBudgetW: 12000}", "full-power: {heightU: 48, powerBudgetW: 90000}")
                .replace("servers: {model: dell-r760, count: 8}", "servers: {model: dell-r760, count: 23}")
                .replace("      count: 12\n", "      count: 48\n");
        SiteDefinition definition = new SiteDefinitionParser().parse("tall.yaml", tall);

        assertThatThrownBy(() -> standard.design(definition))
                .isInstanceOf(DefinitionException.class)
                .satisfies(e -> assertThat(((DefinitionException) e).problems()).extracting(p -> p.field() + ": "
                        + p.message().substring(0, p.message().indexOf(';'))).containsExactly(
                        "racks[0].servers.count: rack r01 (profile full-power) holds at most 45 dell-r660 servers "
                                + "under colo-pod@1, not 48: limited by height (48U rack, switches take 3U, each "
                                + "dell-r660 1U)",
                        "racks[1].servers.count: rack r02 (profile full-power) holds at most 22 dell-r760 servers "
                                + "under colo-pod@1, not 23: limited by height (48U rack, switches take 3U, each "
                                + "dell-r760 2U)"));
    }

    @Test
    void leafPortsLimitARackThatHasRoomAndPowerToSpare() {
        SiteDefinition.RackProfile huge = new SiteDefinition.RackProfile(60, 90_000);

        RackLayout.Capacity capacity = new RackLayout(ColoPodRules.v1()).capacity(huge, ColoPodCatalogue.SERVERS.get("dell-r660"));

        assertThat(capacity.maxServers()).isEqualTo(46);
        assertThat(capacity.limitedBy()).isEqualTo("management switch ports");
        assertThat(new RackLayout(ColoPodRules.v2()).capacity(huge, ColoPodCatalogue.SERVERS.get("dell-r660")).maxServers())
                .isEqualTo(45);
        assertThat(ColoPodCatalogue.LEAF_SERVER_PORTS).as("leafs keep one port for the management uplink").isEqualTo(47);
    }

    @Test
    void refusesAServerModelItDoesNotKnow() {
        assertThatThrownBy(() -> standard.design(Examples.parse("bad/unknown-server-model.yaml")))
                .hasMessage("bad/unknown-server-model.yaml:21:22: racks[1].servers.model: 'dell-r999' is not a "
                        + "server model of colo-pod@1; known are dell-r660, dell-r760");
    }

    @Test
    void refusesUnknownDeviceNamesBordersAndPortsInTheDefinition() {
        String text = Examples.text("small-site.yaml")
                .replace("switchSerials: {leaf01: LF0003}", "switchSerials: {leaf03: LF0003}")
                .replace("{name: wan2, border: border02,", "{name: wan2, border: leaf01,")
                .replace("{border: border02, port: Ethernet4/1, circuitId: XAMS-4412", "{border: border01, port: Ethernet4/1, circuitId: XAMS-4412")
                .replace("port: Ethernet4/47, circuitId: WAN-AMS-001", "port: Ethernet1/1, circuitId: WAN-AMS-001");

        assertThatThrownBy(() -> standard.design(new SiteDefinitionParser().parse("s.yaml", text)))
                .isInstanceOf(DefinitionException.class)
                .satisfies(e -> assertThat(e.getMessage().lines().toList()).containsExactly(
                        "s.yaml:23:29: racks[1].switchSerials.leaf03: 'leaf03' is not a device colo-pod@1 puts in "
                                + "a rack; expected leaf01, leaf02, mgmt01",
                        "s.yaml:32:42: uplinks[0].port: 'Ethernet1/1' is not an external port of arista-7804r3 "
                                + "under colo-pod@1; expected one of Ethernet4/[1-47]",
                        "s.yaml:33:26: uplinks[1].border: 'leaf01' is not a border device of colo-pod@1; expected "
                                + "border01 or border02",
                        "s.yaml:39:34: exchanges[0].handoffs[1].port: border01 Ethernet4/1 is already used by "
                                + "exchanges[0].handoffs[0]"));
    }

    @Test
    void refusesSupernetsAndAsnRangesTooSmallForTheSite() {
        String text = Examples.text("small-site.yaml")
                .replace("p2p: 10.254.0.0/23", "p2p: 10.254.0.0/28")
                .replace("asnRange: 4200000000-4200000999", "asnRange: 65000-65004");

        assertThatThrownBy(() -> standard.design(new SiteDefinitionParser().parse("s.yaml", text)))
                .satisfies(e -> assertThat(e.getMessage().lines().toList()).containsExactly(
                        "s.yaml:44:8: ipSpace.p2p: 10.254.0.0/28 is too small: 12 needed (a /31 per leaf-border "
                                + "link), 8 available",
                        "s.yaml:47:11: asnRange: 65000-65004 has 5 AS numbers but colo-pod@1 needs one per leaf "
                                + "and border: 8"));
    }

    @Test
    void refusesANetworkRackTooSmallForTheBorders() {
        String text = Examples.text("small-site.yaml").replace("  rack: n01\n  profile: full-power", "  rack: n01\n  profile: half-power");

        assertThatThrownBy(() -> standard.design(new SiteDefinitionParser().parse("s.yaml", text)))
                .hasMessageContaining("network.profile: the network rack needs at least 22U and 6690 W");
    }

    static List<String> hostnames(DesiredSite site) {
        return site.devices().stream().map(DeviceDraft::hostname).toList();
    }

    static Map<String, CableDraft> cablesByLabel(DesiredSite site) {
        return site.cables().stream().collect(Collectors.toMap(CableDraft::label, Function.identity()));
    }

    static Map<String, DeviceDraft> devicesByHost(DesiredSite site) {
        return site.devices().stream().collect(Collectors.toMap(DeviceDraft::hostname, Function.identity()));
    }
}
