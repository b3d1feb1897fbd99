package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.drift.DriftEvents;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Drift events over HTTP: filters, roles, acknowledge, accept with an expiry that re-opens the event by itself. */
class DriftEventApiTest extends ApiTestBase {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    DriftEvents events;
    private String device;
    private long id;

    @BeforeEach
    void anOpenDrift() {
        int n = N.incrementAndGet();
        device = "drift-leaf" + n;
        events.reconcile("drift" + n, device, List.of(new Drift(DriftType.CABLING_MISWIRED, device, "Ethernet49",
                "border01:Ethernet1", "border02:Ethernet1", "cable C-7", "cable C-7 reaches the far end of C-8")),
                Instant.now());
        id = admin.get("/api/v1/drift-events?device=" + device).json().get(0).get("id").asLong();
        for (String role : List.of("viewer", "dc-engineer", "network-engineer", "operator")) {
            String user = "drift" + role.replace("-", "") + n;
            assertThat(admin.post("/api/v1/users", map("username", user, "password", user + "-password-long",
                    "roles", List.of(role))).status()).isEqualTo(201);
        }
    }

    private ApiClient as(String role) {
        String user = "drift" + role.replace("-", "") + N.get();
        return ApiClient.basic(port, user, user + "-password-long");
    }

    @Test
    void listsWithFiltersAndShowsWhatDiffersAndWhereIntentSaysSo() {
        var listed = as("viewer").get("/api/v1/drift-events?device=" + device + "&type=cabling-miswired&state=open");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        var event = listed.json().get(0);
        assertThat(event.get("expected").asText()).isEqualTo("border01:Ethernet1");
        assertThat(event.get("observed").asText()).isEqualTo("border02:Ethernet1");
        assertThat(event.get("intentRef").asText()).isEqualTo("cable C-7");
        assertThat(event.get("severity").asText()).isEqualTo("major");
        var bad = as("viewer").get("/api/v1/drift-events?type=wobbly");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("type", "cabling-miswired");
    }

    @Test
    void onlyOperatorsAcknowledgeAndTheTrailNamesThem() {
        for (String role : List.of("viewer", "dc-engineer", "network-engineer")) {
            assertThat(as(role).post("/api/v1/drift-events/" + id + "/acknowledge", null).status()).as(role)
                    .isEqualTo(403);
        }
        var acknowledged = as("operator").post("/api/v1/drift-events/" + id + "/acknowledge", null);
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().get("state").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged.json().get("acknowledgedBy").asText()).isEqualTo("driftoperator" + N.get());
        assertThat(as("operator").post("/api/v1/drift-events/" + id + "/acknowledge", null).status()).isEqualTo(409);
        var history = as("viewer").get("/api/v1/drift-events/" + id).json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("actor").asText()).isEqualTo("driftoperator" + N.get());
    }

    @Test
    void theLiveStreamCarriesEachCommittedMoveAsItHappens() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String auth = java.util.Base64.getEncoder().encodeToString(("driftviewer" + N.get() + ":driftviewer" + N.get()
                + "-password-long").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/drift-events/stream"))
                .header("Authorization", "Basic " + auth).header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofSeconds(20)).build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();

        assertThat(as("operator").post("/api/v1/drift-events/" + id + "/acknowledge", null).status()).isEqualTo(200);
        String event = null;
        String data = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((data == null) && System.nanoTime() < deadline) {
            String line = lines.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (line != null && line.startsWith("event:")) {
                event = line.substring("event:".length()).trim();
            } else if (line != null && line.startsWith("data:") && "acknowledged".equals(event)) {
                data = line.substring("data:".length());
            }
        }
        response.body().close();
        assertThat(event).isEqualTo("acknowledged");
        assertThat(data).contains("\"id\":" + id, "\"acknowledgedBy\":\"driftoperator" + N.get() + "\"");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void anAcceptanceWithAFiveSecondExpiryReopensTheEventAfterIt() throws InterruptedException {
        var accepted = as("operator").post("/api/v1/drift-events/" + id + "/accept",
                map("reason", "venue maintenance window", "until", Instant.now().plusSeconds(5).toString()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("state").asText()).isEqualTo("accepted");
        var noReason = as("operator").post("/api/v1/drift-events/" + id + "/accept",
                map("until", Instant.now().plusSeconds(60).toString()));
        assertThat(noReason.status()).isEqualTo(422);

        String state = "accepted";
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!state.equals("reopened") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            state = as("viewer").get("/api/v1/drift-events/" + id).json().get("event").get("state").asText();
        }
        assertThat(state).isEqualTo("reopened");
        var history = as("viewer").get("/api/v1/drift-events/" + id).json().get("history");
        assertThat(history.get(history.size() - 1).get("reason").asText()).isEqualTo("the acceptance expired");
    }
}
