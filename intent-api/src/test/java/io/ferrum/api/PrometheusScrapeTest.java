package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.drift.DriftEvents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ferrum's metrics scraped by a real Prometheus (Debian's prometheus, started by this test on loopback, logging in
 * as a viewer): the target is up and the open-drift gauge carries the drift this test opened. Without the binary
 * the test is skipped, saying which package installs it.
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
@TestPropertySource(properties = "ferrum.metrics.refresh=500ms")
class PrometheusScrapeTest extends ApiTestBase {

    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DriftEvents events;

    @Test
    void prometheusScrapesTheOpenDriftGaugeAsAViewer() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            System.out.println("SKIPPED Prometheus test: no " + BINARY + " (Debian package prometheus, "
                    + ".ci/apt/assurance.txt installs it)");
        }
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "no " + BINARY);
        assertThat(admin.post("/api/v1/users", map("username", "scraper", "password", "scraper-password-long",
                "roles", List.of("viewer"))).status()).isEqualTo(201);
        assertThat(ApiClient.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        var scraped = ApiClient.basic(port, "scraper", "scraper-password-long").get("/actuator/prometheus");
        assertThat(scraped.status()).as(scraped.body()).isEqualTo(200);

        events.reconcile("promsite1", "prom-leaf01", List.of(
                new Drift(DriftType.SERIAL, "prom-leaf01", "-", "SN-1", "SN-2", "device prom-leaf01", null),
                new Drift(DriftType.PORT_STATE, "prom-leaf01", "Ethernet1", "up", "admin up, oper down", "cable C-1",
                        null)), Instant.now());

        Path dir = Files.createTempDirectory("ferrum-prometheus");
        int prometheusPort = ServerProcess.freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: ferrum
                    metrics_path: /actuator/prometheus
                    basic_auth: {username: scraper, password: scraper-password-long}
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(port));
        Process prometheus = new ProcessBuilder(BINARY.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            JsonNode up = await(prometheusPort, "up{job=\"ferrum\"}", r -> r.size() == 1
                    && r.get(0).get("value").get(1).asString().equals("1"), dir);
            assertThat(up.get(0).get("metric").get("instance").asString()).isEqualTo("127.0.0.1:" + port);
            JsonNode drift = await(prometheusPort, "ferrum_drift_open{site=\"promsite1\"}", r -> r.size() == 2, dir);
            for (JsonNode series : drift) {
                assertThat(series.get("value").get(1).asString()).isEqualTo("1");
                assertThat(series.get("metric").get("type").asString()).isIn("serial", "port-state");
            }
        } finally {
            prometheus.destroy();
        }
    }

    /** Polls Prometheus's query API until the result satisfies the condition (30 s at most). */
    private static JsonNode await(int prometheusPort, String query, java.util.function.Predicate<JsonNode> done,
                                  Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + prometheusPort + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (response.statusCode() == 200) {
                    JsonNode result = JSON.readTree(response.body()).get("data").get("result");
                    if (done.test(result)) {
                        return result;
                    }
                }
            } catch (java.io.IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus never answered " + query + " as expected; last: " + last + "\nlog: "
                + Files.readString(dir.resolve("prometheus.log")));
    }
}
