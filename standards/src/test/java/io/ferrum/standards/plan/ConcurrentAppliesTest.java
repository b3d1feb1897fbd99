package io.ferrum.standards.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.fixtures.FreshSites;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: two unrelated new sites applied at the same moment both succeed, even when both bring a manufacturer,
 * device types, platforms and an exchange the catalogue does not hold yet (before, one failed on
 * manufacturer_name_key).
 */
@Tag("slow") // six small-site applies, the racing pairs one after the other; runs in .ci/run
@SpringBootTest
class ConcurrentAppliesTest {

    private static final int ROUNDS = 3;

    @Autowired
    SitePlanning planning;
    @Autowired
    PlanApplier applier;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoUnrelatedNewSitesAppliedTogetherBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // each round brings catalogue rows nobody has created yet, so both applies race to create them
                String catalogue = Long.toString(System.nanoTime() % 60_000_000L, 36) + round;
                List<DesiredSite> sites = List.of(freshSiteWith(catalogue), freshSiteWith(catalogue));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Plan>> applies = new ArrayList<>();
                for (DesiredSite site : sites) {
                    applies.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return applier.apply(site, PlanOptions.defaults(), null);
                    }));
                }
                for (Future<Plan> apply : applies) {
                    assertThat(apply.get(120, TimeUnit.SECONDS).hasChanges()).isTrue();
                }
                assertThat(jdbc.queryForObject("SELECT count(*) FROM manufacturer WHERE name = ?", Integer.class,
                        maker(catalogue))).isEqualTo(1);
                for (DesiredSite site : sites) {
                    assertThat(applier.apply(site, PlanOptions.defaults(), null).hasChanges())
                            .as("%s re-plans to no changes", site.site().code()).isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fresh small site whose hardware, platforms and exchange are new to the catalogue, named by it. */
    private DesiredSite freshSiteWith(String catalogue) {
        DesiredSite d = planning.design("small.yaml", FreshSites.freshSmallSite("colo-pod@4").definition());
        String exchangeSuffix = catalogue.toUpperCase().replaceAll("[^A-Z0-9]", "");
        List<DeviceTypeDraft> types = d.deviceTypes().stream().map(t -> new DeviceTypeDraft(slug(t.slug(), catalogue),
                maker(catalogue), t.model() + " " + catalogue, t.uHeight(), t.fullDepth(), t.typicalPowerW(),
                t.maxPowerW(), t.portTemplates())).toList();
        List<DeviceDraft> devices = d.devices().stream().map(x -> new DeviceDraft(x.site(), x.rack(), x.hostname(),
                x.role(), slug(x.deviceType(), catalogue), x.platform() == null ? null : slug(x.platform(), catalogue),
                x.serial(), x.assetTag(), x.status(), x.face(), x.positionU(), x.tags())).toList();
        List<DesiredSite.PlatformSpec> platforms = d.platforms().stream().map(p -> new DesiredSite.PlatformSpec(
                slug(p.name(), catalogue), p.osFamily())).toList();
        List<DesiredSite.ExchangeSpec> exchanges = d.exchanges().stream().map(e -> new DesiredSite.ExchangeSpec(
                exchange(e.code(), exchangeSuffix), e.name())).toList();
        List<ExchangeConnectionDraft> connections = d.exchangeConnections().stream().map(c ->
                new ExchangeConnectionDraft(exchange(c.exchange(), exchangeSuffix), c.site(), c.device(), c.ports(),
                        c.circuitId(), c.killSwitchGroup(), c.status(), c.description(), c.tags())).toList();
        return new DesiredSite(d.standard(), d.site(), types, d.racks(), devices, d.cables(), d.prefixes(),
                d.prefixAllocations(), d.addresses(), d.asnPools(), d.asns(), exchanges, connections, d.notes(),
                platforms);
    }

    private static String maker(String catalogue) {
        return "Race Maker " + catalogue;
    }

    private static String slug(String slug, String catalogue) {
        return slug + "-" + catalogue;
    }

    private static String exchange(String code, String suffix) {
        return code + suffix;
    }
}
