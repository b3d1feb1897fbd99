package io.ferrum.standards.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.ipam.Cidr;
import io.ferrum.standards.definition.DefinitionSource;
import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.policy.PolicyChecks;
import io.ferrum.standards.spi.StandardRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any definition that fits the standard designs into a site that passes every policy check, the same way twice. */
class ColoPodPropertiesTest {

    private static final StandardRegistry REGISTRY = StandardRegistry.discover();
    private static final PolicyChecks CHECKS = PolicyChecks.discover();
    private static final List<String> MODELS = List.copyOf(ColoPodCatalogue.SERVERS.keySet());

    @Property(tries = 150)
    void validDefinitionsDesignIntoSitesThatPassEveryCheck(@ForAll("definitions") SiteDefinition definition) {
        DesiredSite site = REGISTRY.design(definition);

        assertThat(CHECKS.run(site)).isEmpty();
        assertThat(site.devices()).filteredOn(d -> d.role() == DeviceRole.SERVER)
                .hasSize(definition.racks().stream().mapToInt(r -> r.servers().count()).sum());
    }

    @Property(tries = 50)
    void designIsDeterministic(@ForAll("definitions") SiteDefinition definition) {
        assertThat(REGISTRY.design(definition)).isEqualTo(REGISTRY.design(definition));
    }

    @Provide
    Arbitrary<SiteDefinition> definitions() {
        Arbitrary<List<SiteDefinition.RackProfile>> profiles = Combinators.combine(
                        Arbitraries.integers().between(24, 52), Arbitraries.integers().between(2_000, 40_000))
                .as(SiteDefinition.RackProfile::new).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(profiles, Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 14))
                .flatAs((profileList, version, handoffs, rackCount) -> racks(profileList, rackCount)
                        .map(racks -> definition(profileList, version, handoffs, racks)));
    }

    private Arbitrary<List<SiteDefinition.Rack>> racks(List<SiteDefinition.RackProfile> profiles, int count) {
        Arbitrary<RackSeed> seed = Combinators.combine(Arbitraries.integers().between(0, profiles.size() - 1),
                Arbitraries.of(MODELS), Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(true, false)).as(RackSeed::new);
        return seed.list().ofSize(count).map(seeds -> {
            List<SiteDefinition.Rack> racks = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                racks.add(seeds.get(i).rack(String.format("r%02d", i + 1), profiles));
            }
            return racks;
        });
    }

    /** One rack's random choices; the server count is a fraction of what the profile holds, so it always fits. */
    private record RackSeed(int profile, String model, double fill, double serialsKnown, boolean switchSerials) {

        SiteDefinition.Rack rack(String name, List<SiteDefinition.RackProfile> profiles) {
            DeviceTypeDraft type = ColoPodCatalogue.SERVERS.get(model);
            // v2 needs room for a console server, so fitting v2 fits both versions.
            int capacity = new RackLayout(ColoPodRules.v2()).capacity(profiles.get(profile), type).maxServers();
            int count = (int) Math.round(fill * capacity);
            List<String> serials = new ArrayList<>();
            for (int s = 0; s < Math.round(serialsKnown * count); s++) {
                serials.add(s % 3 == 1 ? null : name.toUpperCase() + "-S" + s);
            }
            Map<String, String> switches = switchSerials
                    ? Map.of("leaf01", name.toUpperCase() + "-L1", "mgmt01", name.toUpperCase() + "-M1") : Map.of();
            return new SiteDefinition.Rack(name, "p" + profile, new SiteDefinition.Servers(model, count, serials),
                    switches, null);
        }
    }

    private static SiteDefinition definition(List<SiteDefinition.RackProfile> profileList, int version,
                                             int handoffs, List<SiteDefinition.Rack> racks) {
        Map<String, SiteDefinition.RackProfile> profiles = new LinkedHashMap<>();
        for (int i = 0; i < profileList.size(); i++) {
            profiles.put("p" + i, profileList.get(i));
        }
        profiles.put("network", new SiteDefinition.RackProfile(48, 12_000));
        List<SiteDefinition.Handoff> handoffList = new ArrayList<>();
        for (int h = 1; h <= handoffs; h++) {
            handoffList.add(new SiteDefinition.Handoff("border0" + h, "Ethernet4/" + h, "XTST-" + h, "xtst"));
        }
        List<SiteDefinition.Exchange> exchanges = handoffs == 0 ? List.of()
                : List.of(new SiteDefinition.Exchange("XTST", "Test Exchange", handoffList));
        return new SiteDefinition("colo-pod@" + version, new SiteDefinition.Site("tst1", "Test 1", null, null),
                profiles, racks, new SiteDefinition.NetworkRack("n01", "network", Map.of("border01", "NET-B1"), null),
                List.of(new SiteDefinition.Uplink("wan1", "border01", "Ethernet4/47", "WAN-1")), exchanges,
                new SiteDefinition.IpSpace(Cidr.parse("10.0.0.0/20"), Cidr.parse("10.16.0.0/16"),
                        Cidr.parse("10.255.0.0/22"), Cidr.parse("10.254.0.0/21"), Cidr.parse("10.32.0.0/12"),
                        Cidr.parse("192.0.2.0/26")),
                new SiteDefinition.AsnRange(4_200_000_000L, 4_200_000_999L), DefinitionSource.unknown("generated"));
    }
}
