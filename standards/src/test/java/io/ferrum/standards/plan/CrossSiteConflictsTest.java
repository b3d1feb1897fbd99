package io.ferrum.standards.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.standards.definition.DefinitionException;
import io.ferrum.standards.definition.DefinitionProblem;
import io.ferrum.standards.fixtures.FreshSites;
import io.ferrum.standards.fixtures.FreshSites.FreshSite;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, "Sites never collide": a site's address space, AS numbers, serials and circuits are its own. A definition
 * that reaches into another site's is refused when it is planned, at the field that does, naming the other site,
 * and nothing is written.
 */
@SpringBootTest
class CrossSiteConflictsTest {

    @Autowired
    SitePlanning planning;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondSiteWithIdenticalSupernetsIsRefusedNamingTheFirst() {
        FreshSite first = FreshSites.freshSmallSite("colo-pod@1");
        planning.apply("first.yaml", first.definition(), PlanOptions.defaults(), null);
        FreshSite second = FreshSites.freshSmallSite("colo-pod@1");
        String sameSpace = second.definition().replaceAll("(?s)ipSpace:.*?(?=asnRange:)",
                Matcher.quoteReplacement(block(first.definition(), "ipSpace:", "asnRange:")));
        Map<String, Integer> before = counts();

        assertThatThrownBy(() -> planning.plan("second.yaml", sameSpace, PlanOptions.defaults()))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactlyInAnyOrder(
                            "ipSpace.mgmt", "ipSpace.bmc", "ipSpace.loopback", "ipSpace.p2p", "ipSpace.server",
                            "ipSpace.exchange");
                    assertThat(e.problems()).allSatisfy(p -> {
                        assertThat(p.file()).isEqualTo("second.yaml");
                        assertThat(p.line()).isBetween(41, 46);
                        assertThat(p.message()).contains("site " + first.code());
                    });
                    assertThat(e.problems()).filteredOn(p -> p.field().equals("ipSpace.mgmt")).singleElement()
                            .satisfies(p -> assertThat(p.toString()).startsWith("second.yaml:41:9: ipSpace.mgmt: "));
                });
        assertThatThrownBy(() -> planning.apply("second.yaml", sameSpace, PlanOptions.defaults(), null))
                .isInstanceOf(DefinitionException.class);

        assertThat(counts()).as("nothing written").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM prefix p JOIN site s ON s.id = p.site_id "
                + "WHERE s.code = ? AND p.allocation_key IS NULL", Integer.class, first.code())).isEqualTo(6);
        assertThat(planning.plan("first.yaml", first.definition(), PlanOptions.defaults()).changes())
                .as("the first site keeps its supernets").isEmpty();
    }

    @Test
    void everyClashTheDatabaseWouldRefuseIsListedWhenPlanning() {
        FreshSite first = FreshSites.freshSmallSite("colo-pod@1");
        planning.apply("first.yaml", first.definition(), PlanOptions.defaults(), null);
        FreshSite second = FreshSites.freshSmallSite("colo-pod@1");
        String firstServer = field(first.definition(), "server");
        long firstAsn = Long.parseLong(field(first.definition(), "asnRange").split("-")[0]);
        String clashing = second.definition()
                // nested: the second site's management space inside the first site's server space
                .replace("mgmt: " + field(second.definition(), "mgmt"), "mgmt: " + firstServer.replace("/16", "/23"))
                .replace("asnRange: " + field(second.definition(), "asnRange"),
                        "asnRange: " + (firstAsn + 500) + "-" + (firstAsn + 1499))
                .replace(field(second.definition(), "leaf01"), field(first.definition(), "leaf01"))
                .replace(circuit(second.definition()), circuit(first.definition()));
        Map<String, Integer> before = counts();

        assertThatThrownBy(() -> planning.plan("second.yaml", clashing, PlanOptions.defaults()))
                .isInstanceOfSatisfying(DefinitionException.class, e -> {
                    assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactlyInAnyOrder(
                            "ipSpace.mgmt", "asnRange", "racks[0].switchSerials.leaf01",
                            "exchanges[0].handoffs[0].circuitId");
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).contains("site " + first.code()));
                    assertThat(e.problems()).filteredOn(p -> p.field().equals("ipSpace.mgmt")).singleElement()
                            .satisfies(p -> assertThat(p.message()).contains(firstServer));
                });
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    private Map<String, Integer> counts() {
        return Map.of(
                "site", jdbc.queryForObject("SELECT count(*) FROM site", Integer.class),
                "prefix", jdbc.queryForObject("SELECT count(*) FROM prefix", Integer.class),
                "ip_address", jdbc.queryForObject("SELECT count(*) FROM ip_address", Integer.class),
                "asn", jdbc.queryForObject("SELECT count(*) FROM asn", Integer.class),
                "change_log", jdbc.queryForObject("SELECT count(*) FROM change_log", Integer.class));
    }

    /** The value written after {@code name:} (the first one in the file). */
    static String field(String definition, String name) {
        Matcher m = Pattern.compile("\\b" + name + ": ([^,}\\s]+)").matcher(definition);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in the definition");
        }
        return m.group(1);
    }

    private static String circuit(String definition) {
        Matcher m = Pattern.compile("circuitId: (\\S*XAMS-4411)").matcher(definition);
        if (!m.find()) {
            throw new IllegalArgumentException("no XAMS-4411 circuit in the definition");
        }
        return m.group(1);
    }

    private static String block(String definition, String from, String until) {
        return definition.substring(definition.indexOf(from), definition.indexOf(until));
    }
}
