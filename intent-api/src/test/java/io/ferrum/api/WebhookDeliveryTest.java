package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.drift.DriftEvents;
import io.ferrum.assurance.notify.webhook.WebhookSignature;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drift events to webhooks, against local HTTP receivers: every delivery signed (HMAC-SHA256 of timestamp and body
 * with the webhook's secret), failures retried with a growing backoff, a receiver that never answers 2xx ends as a
 * dead letter that an operator redelivers, and filters by severity and site. Secrets never come back out.
 */
class WebhookDeliveryTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec-for-tests-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One request a receiver got. */
    record Received(Instant at, String delivery, String event, String timestamp, String signature, byte[] body) {
    }

    private static final List<Received> FLAKY = new CopyOnWriteArrayList<>();
    private static final List<Received> DOWN = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FLAKY_FAILURES_LEFT = new AtomicInteger(2);
    private static final AtomicBoolean DOWN_IS_DOWN = new AtomicBoolean(true);
    private static HttpServer receiver;

    @Autowired
    DriftEvents events;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/flaky", exchange -> {
            FLAKY.add(received(exchange));
            exchange.sendResponseHeaders(FLAKY_FAILURES_LEFT.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.createContext("/down", exchange -> {
            DOWN.add(received(exchange));
            exchange.sendResponseHeaders(DOWN_IS_DOWN.get() ? 503 : 200, -1);
            exchange.close();
        });
        receiver.start();
        registry.add("ferrum.assurance.webhooks.initial-backoff", () -> "300ms");
        registry.add("ferrum.assurance.webhooks.max-attempts", () -> "3");
        registry.add("ferrum.assurance.webhooks.poll-every", () -> "100ms");
    }

    private static Received received(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
        var h = exchange.getRequestHeaders();
        return new Received(Instant.now(), h.getFirst("X-Ferrum-Delivery"), h.getFirst("X-Ferrum-Event"),
                h.getFirst(WebhookSignature.TIMESTAMP_HEADER), h.getFirst(WebhookSignature.HEADER),
                exchange.getRequestBody().readAllBytes());
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void driftIsDeliveredSignedRetriedWithBackoffAndDeadLettersAreRedelivered() throws Exception {
        // bad input names the field; nothing is stored
        var badUrl = admin.put("/api/v1/webhooks/ops", map("url", "ftp://198.18.0.1/x", "secret", SECRET), null);
        assertThat(badUrl.status()).isEqualTo(422);
        assertThat(badUrl.contentType()).contains("application/problem+json");
        assertThat(badUrl.body()).contains("url", "http");
        var shortSecret = admin.put("/api/v1/webhooks/ops", map("url", url("/flaky"), "secret", "short"), null);
        assertThat(shortSecret.status()).isEqualTo(422);
        assertThat(shortSecret.body()).contains("secret");
        var badSeverity = admin.put("/api/v1/webhooks/ops", map("url", url("/flaky"), "secret", SECRET,
                "minSeverity", "huge"), null);
        assertThat(badSeverity.status()).isEqualTo(422);
        assertThat(badSeverity.body()).contains("minSeverity", "critical");
        assertThat(admin.get("/api/v1/webhooks/ops").status()).isEqualTo(404);

        var ops = admin.put("/api/v1/webhooks/ops", map("url", url("/flaky"), "secret", SECRET,
                "minSeverity", "major", "sites", List.of("whsite1")), null);
        assertThat(ops.status()).as(ops.body()).isEqualTo(200);
        assertThat(ops.body()).doesNotContain(SECRET).doesNotContain("secret");
        var dead = admin.put("/api/v1/webhooks/pager", map("url", url("/down"), "secret", SECRET + "-pager"), null);
        assertThat(dead.status()).as(dead.body()).isEqualTo(200);

        ApiClient operator = user("wh-operator", "operator");
        ApiClient viewer = user("wh-viewer", "viewer");
        assertThat(viewer.get("/api/v1/webhooks").status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/webhook-deliveries").status()).isEqualTo(403);
        var listed = operator.get("/api/v1/webhooks");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("\"ops\"", "\"pager\"").doesNotContain(SECRET);
        assertThat(operator.put("/api/v1/webhooks/x", map("url", url("/flaky"), "secret", SECRET), null).status())
                .as("only admins set webhooks").isEqualTo(403);

        // a major drift on whsite1 goes to both; the flaky receiver fails twice, then takes it
        events.reconcile("whsite1", "wh-leaf01", List.of(new Drift(DriftType.PORT_STATE, "wh-leaf01", "Ethernet49",
                "up", "admin up, oper down", "cable C-1", null)), Instant.now());
        await("three attempts at the flaky receiver", () -> FLAKY.size(), n -> n >= 3);
        assertThat(FLAKY).extracting(Received::delivery).as("one delivery, retried").containsOnly(
                FLAKY.get(0).delivery());
        for (Received r : FLAKY) {
            assertThat(WebhookSignature.verify(SECRET, Long.parseLong(r.timestamp()), r.body(), r.signature()))
                    .as("signature of attempt at %s", r.at()).isTrue();
            assertThat(WebhookSignature.verify(SECRET + "-pager", Long.parseLong(r.timestamp()), r.body(),
                    r.signature())).as("another webhook's secret does not verify it").isFalse();
            assertThat(r.event()).isEqualTo("drift-event.open");
        }
        assertThat(Duration.between(FLAKY.get(0).at(), FLAKY.get(1).at())).as("first backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.between(FLAKY.get(1).at(), FLAKY.get(2).at())).as("second backoff, doubled")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
        JsonNode body = JSON.readTree(FLAKY.get(2).body());
        assertThat(body.get("type").asString()).isEqualTo("drift-event.open");
        assertThat(body.get("event").get("device").asString()).isEqualTo("wh-leaf01");
        assertThat(body.get("event").get("type").asString()).isEqualTo("port-state");
        long deliveryId = Long.parseLong(FLAKY.get(0).delivery());
        JsonNode delivered = await("the delivery recorded delivered", () -> operator.get(
                "/api/v1/webhook-deliveries/" + deliveryId).json(), d -> d.get("state").asString().equals("delivered"));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.get("lastStatus").asInt()).isEqualTo(204);
        assertThat(operator.get("/api/v1/webhook-deliveries/" + deliveryId + "/payload").body())
                .as("the payload endpoint shows the exact signed body")
                .isEqualTo(new String(FLAKY.get(0).body(), StandardCharsets.UTF_8));

        // the receiver that never answers 2xx: three attempts, then a dead letter with the reason
        JsonNode deadLetter = await("a dead letter for pager", () -> operator.get(
                "/api/v1/webhook-deliveries?webhook=pager&state=dead").json(), d -> d.size() == 1).get(0);
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(3);
        assertThat(deadLetter.get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(DOWN).hasSize(3);
        var badState = operator.get("/api/v1/webhook-deliveries?state=lost");
        assertThat(badState.status()).isEqualTo(422);
        assertThat(badState.body()).contains("state", "dead");

        DOWN_IS_DOWN.set(false);
        var redelivered = operator.post("/api/v1/webhook-deliveries/" + deadLetter.get("id").asLong()
                + "/redeliver", "");
        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(200);
        await("the redelivered dead letter delivered", () -> operator.get("/api/v1/webhook-deliveries/"
                + deadLetter.get("id").asLong()).json(), d -> d.get("state").asString().equals("delivered"));
        assertThat(DOWN).hasSize(4);
        assertThat(operator.post("/api/v1/webhook-deliveries/" + deliveryId + "/redeliver", "").status())
                .as("a delivered one may be sent again too").isEqualTo(200);
        await("the re-sent delivery", () -> FLAKY.size(), n -> n == 4);

        // filters: drift of another site does not go to ops (whsite1 only); pager takes every site
        events.reconcile("whsite2", "wh-leaf02", List.of(new Drift(DriftType.PORT_STATE, "wh-leaf02", "Ethernet49",
                "up", "admin up, oper down", "cable C-2", null)), Instant.now());
        await("whsite2's drift at pager", () -> DOWN.size(), n -> n == 5);
        // the resolution of whsite1's drift goes to ops
        events.reconcile("whsite1", "wh-leaf01", List.of(), Instant.now());
        await("the resolution at ops", () -> FLAKY.size(), n -> n == 5);
        assertThat(FLAKY.get(4).event()).isEqualTo("drift-event.resolved");
        assertThat(FLAKY).extracting(Received::body).map(b -> new String(b, StandardCharsets.UTF_8))
                .noneMatch(b -> b.contains("wh-leaf02"));

        assertThat(admin.delete("/api/v1/webhooks/pager", null).status()).isEqualTo(204);
        assertThat(operator.get("/api/v1/webhook-deliveries?webhook=pager").json().size()).isZero();
    }

    private ApiClient user(String name, String role) {
        var created = admin.post("/api/v1/users", map("username", name, "password", name + "-password-long",
                "roles", List.of(role)));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return ApiClient.basic(port, name, name + "-password-long");
    }

    private static <T> T await(String what, Supplier<T> read, Predicate<T> done) throws InterruptedException {
        return Eventually.await(PATIENCE, what, read, done);
    }
}
