package io.ferrum.standards.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.ipam.Cidr;
import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanApplier;
import io.ferrum.standards.plan.PlanOptions;
import io.ferrum.standards.plan.PlanText;
import io.ferrum.standards.plan.Planner;
import io.ferrum.standards.spi.StandardRegistry;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random valid definitions (the same generator as the design properties) apply to a real PostgreSQL, and applying
 * again changes nothing. Each sample becomes its own site with its own address space, so samples share a database.
 */
@Tag("slow") // applies many generated sites to PostgreSQL; runs in .ci/run
@SpringBootTest
class ColoPodApplyPropertyTest {

    private static final int SAMPLES = 6;

    @Autowired
    StandardRegistry standards;
    @Autowired
    Planner planner;
    @Autowired
    PlanApplier applier;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void randomValidDefinitionsApplyIdempotently() {
        List<SiteDefinition> samples = new ColoPodPropertiesTest().definitions().sampleStream().limit(SAMPLES).toList();
        for (int i = 0; i < samples.size(); i++) {
            SiteDefinition definition = asOwnSite(samples.get(i), i);
            DesiredSite desired = standards.design(definition);

            Plan plan = planner.plan(desired, PlanOptions.defaults());
            assertThat(plan.applicable()).as(PlanText.render(plan)).isTrue();
            applier.apply(desired, PlanOptions.defaults(), plan.id());

            Plan again = planner.plan(desired, PlanOptions.defaults());
            assertThat(again.changes()).as("sample %d re-plan:%n%s", i, PlanText.render(again)).isEmpty();
            int logged = jdbc.queryForObject("SELECT count(*) FROM change_log", Integer.class);
            applier.apply(desired, PlanOptions.defaults(), again.id());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM change_log", Integer.class))
                    .as("a second apply writes nothing").isEqualTo(logged);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM device d JOIN site s ON s.id = d.site_id "
                    + "WHERE s.code = ?", Integer.class, definition.site().code())).isEqualTo(desired.devices().size());
        }
    }

    private static SiteDefinition asOwnSite(SiteDefinition d, int i) {
        int base = 64 + i * 8;
        SiteDefinition.IpSpace space = new SiteDefinition.IpSpace(
                Cidr.parse("100." + base + ".0.0/20"), Cidr.parse("100." + (base + 1) + ".0.0/16"),
                Cidr.parse("100." + (base + 2) + ".0.0/22"), Cidr.parse("100." + (base + 3) + ".0.0/21"),
                Cidr.parse("100." + (base + 4) + ".0.0/14"), Cidr.parse("198.18." + i + ".0/26"));
        List<SiteDefinition.Exchange> exchanges = d.exchanges().stream().map(e -> new SiteDefinition.Exchange(e.code(),
                e.name(), e.handoffs().stream().map(h -> new SiteDefinition.Handoff(h.border(), h.port(),
                        "P" + i + "-" + h.circuitId(), h.killSwitchGroup())).toList())).toList();
        List<SiteDefinition.Rack> racks = d.racks().stream().map(r -> new SiteDefinition.Rack(r.name(), r.profile(),
                new SiteDefinition.Servers(r.servers().model(), r.servers().count(), r.servers().serials().stream()
                        .map(s -> s == null ? null : "P" + i + "-" + s).toList()),
                r.switchSerials().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey, e -> "P" + i + "-" + e.getValue())), r.status())).toList();
        SiteDefinition.NetworkRack network = new SiteDefinition.NetworkRack(d.network().rack(), d.network().profile(),
                d.network().serials().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey, e -> "P" + i + "-" + e.getValue())), d.network().status());
        return new SiteDefinition(d.standard(), new SiteDefinition.Site("prop" + i, "Property site " + i, null, null),
                d.rackProfiles(), racks, network, d.uplinks(), exchanges, space,
                new SiteDefinition.AsnRange(4_201_000_000L + i * 10_000L, 4_201_000_000L + i * 10_000L + 999),
                d.source());
    }
}
