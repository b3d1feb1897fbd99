package io.ferrum.standards.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.exchange.ExchangeService;
import io.ferrum.standards.fixtures.FreshSites;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Plan and apply against a real PostgreSQL: each test designs its own site from the small example. */
@Tag("slow")
@SpringBootTest
class PlanApplyTest {

    @Autowired
    SitePlanning planning;
    @Autowired
    DeviceRepository devices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ExchangeService exchanges;

    /** The small example under a fresh site code, address space and circuit ids, so tests do not collide. */
    private static String smallSite(String standard) {
        return FreshSites.freshSmallSite(standard).definition();
    }

    private static String code(String definition) {
        return definition.lines().filter(l -> l.trim().startsWith("code: t")).findFirst().orElseThrow().trim()
                .substring("code: ".length());
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "device", jdbc.queryForObject("SELECT count(*) FROM device", Integer.class),
                "cable", jdbc.queryForObject("SELECT count(*) FROM cable", Integer.class),
                "ip_address", jdbc.queryForObject("SELECT count(*) FROM ip_address", Integer.class),
                "change_log", jdbc.queryForObject("SELECT count(*) FROM change_log", Integer.class));
    }

    @Test
    void planFromEmptyThenApplyThenReplanShowsNoChanges() {
        String definition = smallSite("colo-pod@1");
        Plan first = planning.plan("small.yaml", definition, PlanOptions.defaults());
        assertThat(first.applicable()).as(PlanText.render(first)).isTrue();
        assertThat(first.count(ChangeAction.CREATE)).isGreaterThan(100);
        assertThat(first.count(ChangeAction.DELETE) + first.count(ChangeAction.UPDATE)).isZero();

        Plan applied = planning.apply("small.yaml", definition, PlanOptions.defaults(), first.id());
        assertThat(applied.id()).isEqualTo(first.id());
        String site = code(definition);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM device d JOIN site s ON s.id = d.site_id WHERE s.code = ?",
                Integer.class, site)).isEqualTo((int) first.changes().stream()
                .filter(c -> c.objectType().equals("device")).count());

        Plan again = planning.plan("small.yaml", definition, PlanOptions.defaults());
        assertThat(again.changes()).as(PlanText.render(again)).isEmpty();
        assertThat(PlanText.render(again)).contains("No changes");
        Map<String, Integer> before = counts();
        planning.apply("small.yaml", definition, PlanOptions.defaults(), again.id());
        assertThat(counts()).as("applying a no-change plan writes nothing").isEqualTo(before);
    }

    @Test
    void changingOneSerialIsExactlyOneUpdate() {
        String definition = smallSite("colo-pod@1");
        planning.apply("small.yaml", definition, PlanOptions.defaults(), null);
        String serial = definition.replaceAll("(?s).*serials: \\[(SRV[0-9x]+),.*", "$1");
        Plan plan = planning.plan("small.yaml", definition.replace(serial + ",", "NEWSERIAL-" + serial + ","),
                PlanOptions.defaults());
        assertThat(plan.changes()).as(PlanText.render(plan)).hasSize(1);
        Change change = plan.changes().get(0);
        assertThat(change.action()).isEqualTo(ChangeAction.UPDATE);
        assertThat(change.objectType()).isEqualTo("device");
        assertThat(change.attributes()).containsExactly(new AttributeChange("serial", serial, "NEWSERIAL-" + serial));
    }

    @Test
    void renamingACircuitReplacesTheConnectionAndLogsTheDeletedOneWithItsPorts() {
        // regression: the delete's change-log row read the connection's never-loaded ports after Hibernate had
        // detached them ("collection is being removed"), and the apply answered 500
        String definition = smallSite("colo-pod@4");
        String site = code(definition);
        planning.apply("small.yaml", definition, PlanOptions.defaults(), null);
        String circuit = definition.replaceAll("(?s).*circuitId: (T\\d+-XAMS-4411),.*", "$1");
        String renamed = definition.replace("circuitId: " + circuit + ",", "circuitId: " + circuit + "A,");
        Plan plan = planning.plan("small.yaml", renamed, PlanOptions.defaults());
        assertThat(plan.count(ChangeAction.DELETE)).as(PlanText.render(plan)).isEqualTo(1);

        planning.apply("small.yaml", renamed, PlanOptions.defaults(), plan.id());

        assertThat(jdbc.queryForList("SELECT circuit_id FROM exchange_connection c JOIN site s ON s.id = c.site_id "
                + "WHERE s.code = ? AND circuit_id LIKE ?", String.class, site, circuit + "%"))
                .containsExactly(circuit + "A");
        String logged = jdbc.queryForObject("SELECT before::text FROM change_log WHERE action = 'delete' "
                + "AND object_type = 'exchange-connection' AND before->>'circuitId' = ?", String.class, circuit);
        assertThat(logged).contains("\"ports\": [");
        assertThat(logged).doesNotContain("\"ports\": []");
    }

    @Test
    void aKilledHandoffCannotBeMovedOrDeletedByAPlanButOtherChangesStillApply() {
        String definition = smallSite("colo-pod@4");
        String site = code(definition);
        planning.apply("small.yaml", definition, PlanOptions.defaults(), null);
        String circuit = definition.replaceAll("(?s).*circuitId: (T\\d+-XAMS-4411),.*", "$1");
        long id = jdbc.queryForObject("SELECT id FROM exchange_connection WHERE circuit_id = ?", Long.class, circuit);
        transactions.executeWithoutResult(tx -> exchanges.kill(id));

        String moved = definition.replace("port: Ethernet4/1, circuitId: " + circuit + ",",
                "port: Ethernet4/20, circuitId: " + circuit + ",");
        assertThat(moved).isNotEqualTo(definition);
        Plan move = planning.plan("small.yaml", moved, PlanOptions.defaults());
        assertThat(move.applicable()).isFalse();
        assertThat(move.blockers()).singleElement().asString()
                .contains(circuit, "killed by the kill switch", "Ethernet4/1", "Ethernet4/20", "Release the kill first");
        assertThat(PlanText.render(move)).contains("killed by the kill switch");
        assertThatThrownBy(() -> planning.apply("small.yaml", moved, PlanOptions.defaults(), null))
                .isInstanceOf(IntentException.class).hasMessageContaining("killed by the kill switch");

        String deleted = definition.lines().filter(l -> !l.contains("circuitId: " + circuit + ","))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Plan delete = planning.plan("small.yaml", deleted, PlanOptions.defaults());
        assertThat(delete.blockers()).singleElement().asString().contains(circuit, "would delete it");
        assertThat(jdbc.queryForObject("SELECT p.name || ' ' || c.status FROM exchange_connection c "
                + "JOIN exchange_connection_port cp ON cp.connection_id = c.id JOIN port p ON p.id = cp.port_id "
                + "WHERE c.id = ?", String.class, id)).isEqualTo("Ethernet4/1 killed");

        // a change elsewhere is not held hostage by the kill, and keeps the connection killed
        String serial = definition.replaceAll("(?s).*serials: \\[(SRV[0-9x]+),.*", "$1");
        String other = definition.replace(serial + ",", "NEWSERIAL-" + serial + ",");
        Plan unrelated = planning.plan("small.yaml", other, PlanOptions.defaults());
        assertThat(unrelated.applicable()).as(PlanText.render(unrelated)).isTrue();
        planning.apply("small.yaml", other, PlanOptions.defaults(), unrelated.id());
        assertThat(jdbc.queryForObject("SELECT status FROM exchange_connection WHERE id = ?", String.class, id))
                .isEqualTo("killed");
        assertThat(site).isNotBlank();
    }

    @Test
    void upgradingFromV1ToV2PlansAMigrationWithoutRenames() {
        String v1 = smallSite("colo-pod@1");
        planning.apply("small.yaml", v1, PlanOptions.defaults(), null);
        String v2 = v1.replace("standard: colo-pod@1", "standard: colo-pod@2");
        Plan migration = planning.plan("small-v2.yaml", v2, PlanOptions.defaults());
        assertThat(migration.applicable()).as(PlanText.render(migration)).isTrue();
        assertThat(migration.count(ChangeAction.CREATE)).isPositive();
        assertThat(migration.count(ChangeAction.UPDATE)).isPositive();
        assertThat(migration.changes()).noneMatch(c -> c.objectType().equals("device")
                && (c.action() == ChangeAction.DELETE || c.action() == ChangeAction.REPLACE));
        planning.apply("small-v2.yaml", v2, PlanOptions.defaults(), migration.id());
        assertThat(planning.plan("small-v2.yaml", v2, PlanOptions.defaults()).changes()).isEmpty();
    }

    @Test
    void aPolicyViolationBlocksApplyAndWritesNothing() {
        String definition = smallSite("colo-pod@1");
        String flagged = definition.replace("code: " + code(definition), "code: do-not-ship" + code(definition).substring(1));
        Plan plan = planning.plan("small.yaml", flagged, PlanOptions.defaults());
        assertThat(plan.applicable()).isFalse();
        assertThat(plan.violations()).isNotEmpty().allMatch(v -> v.check().equals("no-do-not-ship-hostnames"));
        assertThat(PlanText.render(plan)).contains("Policy violations (apply is blocked)", "is marked do-not-ship");
        Map<String, Integer> before = counts();
        assertThatThrownBy(() -> planning.apply("small.yaml", flagged, PlanOptions.defaults(), plan.id()))
                .isInstanceOfSatisfying(IntentException.class,
                        e -> assertThat(e.reason()).isEqualTo(IntentException.Reason.INVALID))
                .hasMessageContaining("policy.no-do-not-ship-hostnames");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aStalePlanIdIsRefusedAndWritesNothing() {
        String definition = smallSite("colo-pod@1");
        Plan reviewed = planning.plan("small.yaml", definition, PlanOptions.defaults());
        planning.apply("small.yaml", definition.replace("count: 4", "count: 3"), PlanOptions.defaults(), null);
        Map<String, Integer> before = counts();
        assertThatThrownBy(() -> planning.apply("small.yaml", definition, PlanOptions.defaults(), reviewed.id()))
                .isInstanceOfSatisfying(IntentException.class,
                        e -> assertThat(e.reason()).isEqualTo(IntentException.Reason.STALE))
                .hasMessageContaining("changed since plan " + reviewed.id());
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void handMadeObjectsAreLeftAloneAndRemovedServersAreDeleted() {
        String definition = smallSite("colo-pod@1");
        planning.apply("small.yaml", definition, PlanOptions.defaults(), null);
        String site = code(definition);
        transactions.executeWithoutResult(tx -> jdbc.update("UPDATE rack SET tags = '{}' WHERE name = ?", site + "-r03"));
        Plan shrink = planning.plan("small.yaml", definition.replace("count: 4", "count: 3"), PlanOptions.defaults());
        assertThat(shrink.changes()).filteredOn(c -> c.action() == ChangeAction.DELETE && c.objectType().equals("device"))
                .extracting(Change::key).containsExactly(site + "-r03-srv04");
        assertThat(shrink.changes()).noneMatch(c -> c.objectType().equals("rack"));
    }

    @Test
    void deletingADeviceInProductionNeedsTheFlag() {
        String definition = smallSite("colo-pod@1");
        planning.apply("small.yaml", definition, PlanOptions.defaults(), null);
        String site = code(definition);
        transactions.executeWithoutResult(tx -> devices.findByHostname(site + "-r03-srv04").orElseThrow()
                .setStatus(DeviceStatus.ACTIVE));
        String smaller = definition.replace("count: 4", "count: 3");
        Plan blocked = planning.plan("small.yaml", smaller, PlanOptions.defaults());
        assertThat(blocked.applicable()).isFalse();
        assertThat(blocked.blockers()).singleElement().asString().contains(site + "-r03-srv04", "active");
        assertThatThrownBy(() -> planning.apply("small.yaml", smaller, PlanOptions.defaults(), null))
                .isInstanceOf(IntentException.class).hasMessageContaining("allow-destroy-active");
        assertThat(devices.findByHostname(site + "-r03-srv04")).isPresent();

        Plan allowed = planning.plan("small.yaml", smaller, new PlanOptions(true));
        assertThat(allowed.applicable()).isTrue();
        planning.apply("small.yaml", smaller, new PlanOptions(true), allowed.id());
        assertThat(devices.findByHostname(site + "-r03-srv04")).isEmpty();
    }

    @Test
    void addressesAreStableAcrossReplans() {
        String definition = smallSite("colo-pod@1");
        planning.apply("small.yaml", definition, PlanOptions.defaults(), null);
        String site = code(definition);
        List<String> before = jdbc.queryForList("SELECT allocation_key || '=' || address::text FROM ip_address "
                + "WHERE allocation_key LIKE ? ORDER BY 1", String.class, site + "/%");
        assertThat(before).isNotEmpty();
        planning.apply("small.yaml", definition.replace("count: 8", "count: 9"), PlanOptions.defaults(), null);
        List<String> after = jdbc.queryForList("SELECT allocation_key || '=' || address::text FROM ip_address "
                + "WHERE allocation_key LIKE ? ORDER BY 1", String.class, site + "/%");
        assertThat(after).containsAll(before).hasSizeGreaterThan(before.size());
    }
}
