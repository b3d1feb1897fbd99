package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.drift.DriftEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drift alerts to a real Alertmanager (Debian's prometheus-alertmanager, started by this test on loopback): an event
 * that opens is an active alert with its labels, and once it resolves Alertmanager resolves the alert. Without the
 * binary the test is skipped, saying which package installs it.
 */
class AlertmanagerDeliveryTest extends ApiTestBase {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Process alertmanager;
    private static int alertmanagerPort;

    @Autowired
    DriftEvents events;

    @DynamicPropertySource
    static void alertmanager(DynamicPropertyRegistry registry) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            return;
        }
        Path dir = Files.createTempDirectory("ferrum-alertmanager");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, "route:\n  receiver: ops\n  group_wait: 1s\nreceivers:\n  - name: ops\n");
        alertmanagerPort = ServerProcess.freePort();
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                "--cluster.listen-address=").redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        registry.add("ferrum.assurance.alertmanager.urls", () -> "http://127.0.0.1:" + alertmanagerPort);
    }

    @AfterAll
    static void stop() {
        if (alertmanager != null) {
            alertmanager.destroy();
        }
    }

    @Test
    void anOpenDriftIsAnActiveAlertAndItsResolutionResolvesIt() throws Exception {
        if (alertmanager == null) {
            System.out.println("SKIPPED Alertmanager test: no " + BINARY + " (Debian package prometheus-alertmanager,"
                    + " .ci/apt/assurance.txt installs it)");
        }
        Assumptions.assumeTrue(alertmanager != null, "no " + BINARY);
        awaitAlerts("Alertmanager ready", "", alerts -> true);

        events.reconcile("amsite1", "am-leaf01", List.of(new Drift(DriftType.PORT_STATE, "am-leaf01", "Ethernet49",
                "up", "admin up, oper down", "cable C-9", null)), Instant.now());
        JsonNode alert = awaitAlerts("the drift's alert", "device=\"am-leaf01\"", alerts -> alerts.size() == 1)
                .get(0);
        assertThat(alert.get("labels").get("alertname").asString()).isEqualTo("FerrumDrift");
        assertThat(alert.get("labels").get("site").asString()).isEqualTo("amsite1");
        assertThat(alert.get("labels").get("type").asString()).isEqualTo("port-state");
        assertThat(alert.get("labels").get("severity").asString()).isEqualTo("major");
        assertThat(alert.get("annotations").get("summary").asString()).contains("Ethernet49", "oper down");
        assertThat(alert.get("status").get("state").asString()).isEqualTo("active");

        events.reconcile("amsite1", "am-leaf01", List.of(), Instant.now());
        awaitAlerts("the alert resolved", "device=\"am-leaf01\"", alerts -> alerts.isEmpty());
    }

    /** Active alerts matching the filter, polled until the condition holds (bounded). */
    private static List<JsonNode> awaitAlerts(String what, String filter, java.util.function.Predicate<List<JsonNode>>
            done) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                String query = filter.isEmpty() ? "" : "?filter=" + java.net.URLEncoder.encode(filter,
                        java.nio.charset.StandardCharsets.UTF_8);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + alertmanagerPort + "/api/v2/alerts" + query)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (response.statusCode() == 200) {
                    List<JsonNode> alerts = JSON.readTree(response.body()).valueStream().toList();
                    if (done.test(alerts)) {
                        return alerts;
                    }
                }
            } catch (java.io.IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited 30 s for " + what + "; last answer: " + last);
    }
}
