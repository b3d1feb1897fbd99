package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Site definitions planned and applied through REST, then exported: the standards and exporters wired end to end. */
class PlansAndExportsApiTest extends ApiTestBase {

    private ApiClient.Response plan(String definition) {
        return admin.send("POST", "/api/v1/plans?fileName=site.yaml", definition, null);
    }

    @Test
    void plansAppliesAndReplansToNoChanges() {
        String[] site = SiteDefinitions.freshSmallSite();
        var planned = plan(site[1]);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        JsonNode plan = planned.json().get("plan");
        String id = plan.get("id").asText();
        assertThat(plan.get("changes").size()).isGreaterThan(100);
        assertThat(planned.json().get("text").asText()).contains("+ device " + site[0] + "-r01-srv01");

        var applied = admin.post("/api/v1/plans/" + id + "/apply", "");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(admin.get("/api/v1/devices?site=" + site[0] + "&role=server").json().get("total").asInt())
                .isEqualTo(24);

        var again = plan(site[1]);
        assertThat(again.json().get("plan").get("changes").size()).isZero();
        assertThat(again.json().get("text").asText()).contains("No changes");
    }

    @Test
    void applyingAPlanAfterTheIntentChangedIsRefused() {
        String[] site = SiteDefinitions.freshSmallSite();
        String reviewed = plan(site[1]).json().get("plan").get("id").asText();
        String other = plan(site[1].replace("count: 4", "count: 2")).json().get("plan").get("id").asText();
        assertThat(admin.post("/api/v1/plans/" + other + "/apply", "").status()).isEqualTo(200);
        Map<String, Integer> before = rowCounts();
        var stale = admin.post("/api/v1/plans/" + reviewed + "/apply", "");
        IntentApiFlowTest.assertProblem(stale, 409, "planId", "changed since plan " + reviewed);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void badDefinitionsNameFileLineAndField() {
        Map<String, Integer> before = rowCounts();
        var bad = plan(SiteDefinitions.example("bad/invalid-cidr.yaml"));
        IntentApiFlowTest.assertProblem(bad, 422, "site.yaml:40:9: ipSpace.mgmt", "host bits");
        var unknown = plan(SiteDefinitions.freshSmallSite()[1].replace("colo-pod@1", "colo-pod@9"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("standard", "has no version '9'");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void viewersCannotPlan() {
        admin.post("/api/v1/users", map("username", "planviewer", "password", "planviewer-password", "roles",
                List.of("viewer")));
        var viewer = ApiClient.basic(port, "planviewer", "planviewer-password");
        assertThat(viewer.send("POST", "/api/v1/plans", SiteDefinitions.freshSmallSite()[1], null).status())
                .isEqualTo(403);
    }

    @Test
    void exportsComeFromTheStoredIntent() {
        String[] site = SiteDefinitions.freshSmallSite();
        String id = plan(site[1]).json().get("plan").get("id").asText();
        var workOrder = admin.send("GET", "/api/v1/plans/" + id + "/work-order?format=csv", null, null);
        assertThat(workOrder.status()).as(workOrder.toString()).isEqualTo(200);
        assertThat(workOrder.body()).contains(site[0] + "-r01-srv01");
        assertThat(admin.get("/api/v1/devices?site=" + site[0]).json().get("total").asInt())
                .as("the work order's trial apply was rolled back").isZero();
        admin.post("/api/v1/plans/" + id + "/apply", "");

        var csv = admin.get("/api/v1/sites/" + site[0] + "/exports/cable-schedule-csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        int cables = admin.get("/api/v1/cables?site=" + site[0] + "&size=1").json().get("total").asInt();
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("label,a_rack,a_u,a_device,a_port,b_rack,b_u,b_device,b_port,type,colour,"
                + "length_m,status");
        assertThat(lines).hasSize(cables + 1);

        var pdf = admin.get("/api/v1/sites/" + site[0] + "/exports/build-pack-pdf?page-size=letter");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1)).isNotEmpty();
        assertThat(pdf.body()).startsWith("%PDF");

        String zone = admin.get("/api/v1/sites/" + site[0] + "/exports/dns-zone").body();
        assertThat(admin.get("/api/v1/sites/" + site[0] + "/exports/dns-zone").body())
                .as("the same intent gives the same zone").isEqualTo(zone);
        long revision = jdbc.queryForObject("SELECT max(id) FROM change_log", Long.class);
        assertThat(zone).as("the SOA serial is the intent's revision").contains("\t" + revision + " ; serial");
        assertThat(admin.get("/api/v1/sites/" + site[0] + "/exports/dns-zone?dns-serial=7").body())
                .contains("\t7 ; serial");

        IntentApiFlowTest.assertProblem(admin.get("/api/v1/sites/" + site[0] + "/exports/fax"), 404, "kind", "fax");
        IntentApiFlowTest.assertProblem(admin.get("/api/v1/sites/" + site[0] + "/exports/dns-zone?colour=red"), 422,
                "options", "colour");
        // an unknown rack was a 500 (IllegalArgumentException from the exporter)
        IntentApiFlowTest.assertProblem(admin.get("/api/v1/sites/" + site[0] + "/exports/rack-elevation-svg?rack=r99"),
                422, "rack", "has no rack 'r99'; its racks: n01, r01");
    }
}
