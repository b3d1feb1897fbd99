package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.FerrumApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 13: a plan made before a restart is applied by its id after it (plans live in PostgreSQL). */
@Tag("slow")
class PlanSurvivesRestartTest {

    @TempDir
    Path home;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FerrumApplication.class).profiles("test")
                .run("--server.port=0", "--ferrum.db.ephemeral=false", "--ferrum.db.home=" + home,
                        "--ferrum.assurance.collector.enabled=false");
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext app, String path, String body)
            throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        String auth = Base64.getEncoder().encodeToString(("admin:" + ApiTestBase.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPlanMadeBeforeARestartIsAppliedByItsIdAfterIt() throws Exception {
        String definition = SiteDefinitions.freshSmallSite()[1];
        String id;
        try (var before = start()) {
            HttpResponse<String> planned = post(before, "/api/v1/plans?fileName=site.yaml", definition);
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
            JsonNode plan = JsonMapper.builder().build().readTree(planned.body());
            id = plan.get("plan").get("id").asText();
        }
        try (var after = start()) {
            HttpResponse<String> applied = post(after, "/api/v1/plans/" + id + "/apply", "");
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            assertThat(applied.body()).contains(id);
            HttpResponse<String> unknown = post(after, "/api/v1/plans/no-such-plan/apply", "");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("or it expired");
        }
    }
}
