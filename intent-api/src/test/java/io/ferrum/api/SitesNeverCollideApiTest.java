package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.api.cli.FerrumCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, "Sites never collide", through REST and the CLI: a site definition that takes another site's supernets,
 * AS numbers, serials or circuits is refused when it is planned, one located problem per clash naming the other
 * site, and nothing is written.
 */
class SitesNeverCollideApiTest extends ApiTestBase {

    @TempDir
    Path dir;

    private ApiClient.Response plan(String definition) {
        return admin.send("POST", "/api/v1/plans?fileName=site.yaml", definition, null);
    }

    private String applied() {
        String[] site = SiteDefinitions.freshSmallSite();
        var planned = plan(site[1]);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        var applied = admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asText() + "/apply", "");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        return site[1];
    }

    @Test
    void aSecondSiteWithIdenticalSupernetsIsRefusedNamingTheFirst() {
        String first = applied();
        String firstCode = value(first, "code");
        String second = SiteDefinitions.freshSmallSite()[1];
        String sameSpace = second.substring(0, second.indexOf("ipSpace:")) + first.substring(first.indexOf("ipSpace:"))
                .replace("asnRange: " + value(first, "asnRange"), "asnRange: " + value(second, "asnRange"));
        Map<String, Integer> before = rowCounts();

        var refused = plan(sameSpace);
        IntentApiFlowTest.assertProblem(refused, 422, "site.yaml:41:9: ipSpace.mgmt", "of site " + firstCode);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asText()))
                .containsExactlyInAnyOrder("site.yaml:41:9: ipSpace.mgmt", "site.yaml:42:8: ipSpace.bmc",
                        "site.yaml:43:13: ipSpace.loopback", "site.yaml:44:8: ipSpace.p2p",
                        "site.yaml:45:11: ipSpace.server", "site.yaml:46:13: ipSpace.exchange");
        assertThat(rowCounts()).as("nothing written").isEqualTo(before);
        assertThat(plan(first).json().get("plan").get("changes").size()).as("the first site keeps its space").isZero();
    }

    @Test
    void everyClashIsAProblemOfThePlanAndTheCliPrintsOneLineEach() throws Exception {
        String first = applied();
        String firstCode = value(first, "code");
        String second = SiteDefinitions.freshSmallSite()[1];
        long firstAsn = Long.parseLong(value(first, "asnRange").split("-")[0]);
        String clashing = second
                .replace("mgmt: " + value(second, "mgmt"), "mgmt: " + value(first, "server").replace("/16", "/24"))
                .replace("asnRange: " + value(second, "asnRange"),
                        "asnRange: " + (firstAsn + 999) + "-" + (firstAsn + 1998))
                .replace(value(second, "border01"), value(first, "border01"))
                .replace(circuit(second), circuit(first));
        Map<String, Integer> before = rowCounts();

        var refused = plan(clashing);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        List<JsonNode> errors = refused.json().get("errors").valueStream().toList();
        assertThat(errors).extracting(e -> e.get("field").asText().replaceAll("^site\\.yaml:\\d+:\\d+: ", ""))
                .containsExactlyInAnyOrder("ipSpace.mgmt", "asnRange", "network.serials.border01",
                        "exchanges[0].handoffs[1].circuitId");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("reason").asText()).contains("site " + firstCode));
        assertThat(rowCounts()).as("nothing written").isEqualTo(before);

        Path file = dir.resolve("clashing.yaml");
        Files.writeString(file, clashing);
        System.setProperty("FERRUM_USER", "admin");
        System.setProperty("FERRUM_PASSWORD", ADMIN_PASSWORD);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = FerrumCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    "plan", "--server", "http://localhost:" + port, file.toString());
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines().toList()).as(err.toString()).hasSize(4)
                    .allMatch(line -> line.startsWith("ferrum: clashing.yaml:") && line.contains("site " + firstCode))
                    .anyMatch(line -> line.contains(": asnRange: "));
        } finally {
            System.clearProperty("FERRUM_USER");
            System.clearProperty("FERRUM_PASSWORD");
        }
    }

    /** The value written after {@code name:} (the first in the file). */
    private static String value(String definition, String name) {
        Matcher m = Pattern.compile("\\b" + name + ": ([^,}\\s]+)").matcher(definition);
        assertThat(m.find()).as("%s in the definition", name).isTrue();
        return m.group(1);
    }

    private static String circuit(String definition) {
        Matcher m = Pattern.compile("circuitId: (\\S*XAMS-4412)").matcher(definition);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
