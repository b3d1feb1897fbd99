package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.lab.Lab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's kill switch on the lab built from examples/lab-site.yaml (102 hand-offs to XAMS, XLON and XFRA, each a
 * link to a venue namespace, so oper-down is real): engage one exchange and only its links go down, verified over
 * SNMP; roles and four eyes; a config push refused while engaged; release brings every link back, verified; the
 * second channel (SNMP SET) where the device shell fails; an unreachable border fails with its reason while the
 * other is killed. Engage timings are printed for BENCHMARKS.md, never asserted.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"ferrum.kill-switch.snmp-write-community=ferrum-write",
    "ferrum.kill-switch.verify-timeout=4s", "ferrum.kill-switch.release-pace=100ms",
    "ferrum.kill-switch.maintain-every=1s", "ferrum.kill-switch.drill-scopes=exchange XFRA"})
class LabKillSwitchTest extends ApiTestBase {

    /** XFRA's venue-side kill endpoint: a local HTTP receiver that keeps what it was sent. */
    private static final List<String> VENUE_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static com.sun.net.httpserver.HttpServer venue;

    @org.springframework.test.context.DynamicPropertySource
    static void venue(org.springframework.test.context.DynamicPropertyRegistry registry) throws Exception {
        venue = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        venue.createContext("/xfra/kill", exchange -> {
            VENUE_CALLS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        venue.start();
        registry.add("ferrum.kill-switch.venues.XFRA.url", () -> "http://127.0.0.1:" + venue.getAddress().getPort()
                + "/xfra/kill");
    }

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static Lab lab;
    private static java.nio.channels.FileChannel labLock;
    private static boolean labBuilt;

    @TempDir
    static Path exports;

    @AfterAll
    static void tearDown() throws Exception {
        if (venue != null) {
            venue.stop(0);
        }
        if (labLock == null) {
            return;
        }
        try {
            lab.down();
        } finally {
            labLock.close();
        }
    }

    private ApiClient user(String name, String role) {
        var created = admin.post("/api/v1/users", map("username", name, "password", name + "-password-long",
                "roles", List.of(role)));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return ApiClient.basic(port, name, name + "-password-long");
    }

    @Test
    @Order(1)
    void engagingOneExchangeTakesExactlyItsLinksDownVerifiedAndAReleaseByASecondOperatorBringsThemBack()
            throws Exception {
        lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));
        String definition = Files.readString(Lab.repoRoot().resolve("examples/lab-site.yaml"));
        var planned = admin.send("POST", "/api/v1/plans?fileName=lab-site.yaml", definition, null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        var applied = admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        for (String[] file : LabRuns.EXPORTS) {
            Files.writeString(exports.resolve(file[0]), admin.get("/api/v1/sites/lab1/exports/" + file[1]).body(),
                    StandardCharsets.UTF_8);
        }
        labLock = Lab.exclusive();
        Lab.Result up = lab.upFrom(exports);
        assertThat(up.exit()).as("lab up:\n%s", up.output()).isZero();
        labBuilt = true;

        JsonNode plan = await("the kill plan with the lab's 102 hand-offs", () -> admin.get("/api/v1/kill-switch/plan")
                .json(), p -> p.has("links") && p.get("links").asInt() >= 102);
        int xams = plan.get("byExchange").get("XAMS").asInt();
        assertThat(xams).isPositive();
        Map<String, List<String>> xamsPorts = portsOf("XAMS");
        Map<String, List<String>> otherPorts = portsOf("XLON");
        portsOf("XFRA").forEach((d, p) -> otherPorts.computeIfAbsent(d, x -> new ArrayList<>()).addAll(p));
        assertThat(operUp(xamsPorts)).as("XAMS links before the engage").containsOnly(true);

        ApiClient op1 = user("ks-op1", "operator");
        ApiClient op2 = user("ks-op2", "operator");
        Map<String, Object> engage = map("scope", map("kind", "exchange", "value", "XAMS"), "reason",
                "lab: algo misbehaving on XAMS");
        for (String role : List.of("viewer", "dc-engineer", "network-engineer")) {
            var refused = user("ks-" + role, role).post("/api/v1/kill-switch/engage", engage);
            assertThat(refused.status()).as(role).isEqualTo(403);
        }
        var noReason = op1.post("/api/v1/kill-switch/engage", map("scope", map("kind", "exchange", "value",
                "XAMS")));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason");

        var engaged = op1.post("/api/v1/kill-switch/engage", engage);
        assertThat(engaged.status()).as(engaged.body()).isEqualTo(200);
        JsonNode result = engaged.json();
        assertThat(result.get("state").asString()).isEqualTo("engaged");
        assertThat(result.get("counts").get("down-verified").asInt()).as(result.toString()).isEqualTo(xams);
        assertThat(result.get("links").size()).isEqualTo(xams);
        for (JsonNode link : result.get("links")) {
            assertThat(link.get("exchange").asString()).isEqualTo("XAMS");
            assertThat(link.get("channel").asString()).isEqualTo("shell");
        }
        System.out.printf("kill switch: engage XAMS (%d links on %d devices): first down %d ms, all down %d ms%n",
                xams, xamsPorts.size(), result.get("firstDownMillis").asLong(), result.get("allDownMillis").asLong());
        assertThat(operUp(xamsPorts)).as("XAMS links read back").containsOnly(false);
        assertThat(operUp(otherPorts)).as("XLON and XFRA links are untouched").containsOnly(true);

        // sticky: intent marks the connections killed, and a config push to their devices is refused naming the kill
        await("XAMS connections killed in intent", () -> admin.get("/api/v1/exchange-connections?status=killed"
                + "&size=1000").json().get("total").asInt(), n -> n == xams);
        var push = admin.post("/api/v1/pipeline-runs", map("kind", "config", "target", map("site", "lab1")));
        assertThat(push.status()).as(push.body()).isEqualTo(409);
        assertThat(push.body()).contains("kill switch", "XAMS-0001");
        var dryRun = admin.post("/api/v1/pipeline-runs", map("kind", "config", "target", map("devices",
                List.of("lab1-r01-leaf01")), "dryRun", true));
        assertThat(dryRun.status()).as("a dry run only reads").isEqualTo(201);
        // a plan that moves a killed hand-off to another port (its old port would come back as an ordinary one) is
        // shown with the blocker and refused at apply, naming the kill; the stored connection keeps its port
        String moved = definition.replace("{border: border01, port: Ethernet3/1, circuitId: XAMS-0001",
                "{border: border01, port: Ethernet4/20, circuitId: XAMS-0001");
        assertThat(moved).isNotEqualTo(definition);
        var replanned = admin.send("POST", "/api/v1/plans?fileName=lab-site.yaml", moved, null);
        assertThat(replanned.status()).as(replanned.body()).isEqualTo(201);
        assertThat(replanned.body()).contains("XAMS-0001", "killed by the kill switch");
        var refusedApply = admin.post("/api/v1/plans/" + replanned.json().get("plan").get("id").asString()
                + "/apply", "");
        assertThat(refusedApply.status()).as(refusedApply.body()).isIn(409, 422);
        assertThat(refusedApply.body()).contains("XAMS-0001", "killed by the kill switch", "Release the kill first");
        assertThat(admin.get("/api/v1/exchange-connections?status=killed&size=1000").body())
                .contains("Ethernet3/1\"").doesNotContain("Ethernet4/20");

        // four eyes
        var request = op1.post("/api/v1/kill-switch/release-requests", map("reason", "venue confirmed"));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        long id = request.json().get("id").asLong();
        var own = op1.post("/api/v1/kill-switch/release-requests/" + id + "/approve", "");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.body()).contains("four eyes");
        var released = op2.post("/api/v1/kill-switch/release-requests/" + id + "/approve", "");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("state").asString()).isEqualTo("released");
        assertThat(released.json().get("counts").get("up-verified").asInt()).as(released.body()).isEqualTo(xams);
        assertThat(operUp(xamsPorts)).as("XAMS links after the release").containsOnly(true);
        await("connections active again", () -> admin.get("/api/v1/exchange-connections?status=killed&size=1000")
                .json().get("total").asInt(), n -> n == 0);
        // every step in PostgreSQL once the journal is copied
        await("the journal in PostgreSQL", () -> jdbc.queryForObject("SELECT count(*) FROM kill_switch_journal "
                + "WHERE kind = 'link'", Integer.class), n -> n == xams);
    }

    @Test
    @Order(2)
    void theSecondChannelTakesOverWhereTheShellFailsAndAnUnreachableBorderFailsWithItsReason() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        ApiClient op1 = user("ks-op1", "operator");
        ApiClient op2 = user("ks-op2", "operator");
        // border01: no SSH at all (daemon and every session gone), SNMP still answers; border02: nothing answers
        daemon("lab1-border01", "sshd", "stop");
        Lab.run(10, "ip", "netns", "exec", "lab1-border01", "pkill", "-x", "sshd");
        daemon("lab1-border02", "sshd", "stop");
        daemon("lab1-border02", "snmpd", "stop");
        Lab.run(10, "ip", "netns", "exec", "lab1-border02", "pkill", "-x", "sshd");
        try {
            var engaged = op1.post("/api/v1/kill-switch/engage", map("scope", map("kind", "exchange", "value",
                    "XLON"), "reason", "lab: degraded borders"));
            assertThat(engaged.status()).as(engaged.body()).isEqualTo(200);
            JsonNode result = engaged.json();
            for (JsonNode link : result.get("links")) {
                if (link.get("device").asString().equals("lab1-border01")) {
                    assertThat(link.get("state").asString()).as(link.toString()).isEqualTo("down-verified");
                    assertThat(link.get("channel").asString()).isEqualTo("snmp");
                } else {
                    assertThat(link.get("state").asString()).as(link.toString()).isEqualTo("failed");
                    assertThat(link.get("reason").asString()).isIn("UNREACHABLE", "TIMEOUT");
                }
            }
            assertThat(result.get("counts").get("failed").asInt()).isPositive();
            assertThat(result.get("counts").get("down-verified").asInt()).isPositive();
        } finally {
            daemon("lab1-border02", "snmpd", "start");
            daemon("lab1-border02", "sshd", "start");
            daemon("lab1-border01", "sshd", "start");
        }
        // failed links are retried while engaged: border02's come down once it answers again
        await("border02's XLON links down after it came back", () -> admin.get("/api/v1/kill-switch").json(),
                s -> s.get("counts").get("failed").asInt() == 0 && s.get("counts").get("down-verified").asInt()
                        == s.get("links").size());
        long id = op1.post("/api/v1/kill-switch/release-requests", map("reason", "borders back")).json().get("id")
                .asLong();
        var released = op2.post("/api/v1/kill-switch/release-requests/" + id + "/approve", "");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("counts").get("up-verified").asInt())
                .isEqualTo(released.json().get("links").size());
    }

    /**
     * Engage every hand-off and release, {@code ferrum.bench.kill-cycles} times (default 3 in the suite; the
     * benchmark in BENCHMARKS.md ran 20): engage to all verified down and to the first link down, medians and p99.
     */
    @Test
    @Order(3)
    void engageTimingsOverCycles() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        int cycles = Integer.getInteger("ferrum.bench.kill-cycles", 3);
        ApiClient op1 = user("ks-op1", "operator");
        ApiClient op2 = user("ks-op2", "operator");
        List<Long> all = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        int links = 0;
        for (int i = 0; i < cycles; i++) {
            JsonNode engaged = op1.post("/api/v1/kill-switch/engage", map("scope", map("kind", "all"), "reason",
                    "lab: cycle " + i)).json();
            assertThat(engaged.get("counts").get("down-verified").asInt()).as(engaged.toString())
                    .isEqualTo(engaged.get("links").size());
            links = engaged.get("links").size();
            all.add(engaged.get("allDownMillis").asLong());
            first.add(engaged.get("firstDownMillis").asLong());
            long id = op1.post("/api/v1/kill-switch/release-requests", map("reason", "cycle " + i)).json().get("id")
                    .asLong();
            var released = op2.post("/api/v1/kill-switch/release-requests/" + id + "/approve", "");
            assertThat(released.status()).as(released.body()).isEqualTo(200);
        }
        List<Long> sortedAll = all.stream().sorted().toList();
        List<Long> sortedFirst = first.stream().sorted().toList();
        System.out.printf("kill switch: %d engage/release cycles of all %d links: all verified down p50 %d ms, "
                        + "p99 %d ms, max %d ms; first link down p50 %d ms; all: %s%n", cycles, links,
                sortedAll.get(sortedAll.size() / 2), sortedAll.get((int) Math.ceil(sortedAll.size() * 0.99) - 1),
                sortedAll.get(sortedAll.size() - 1), sortedFirst.get(sortedFirst.size() / 2), all);
    }

    @Test
    @Order(4)
    void aDrillOnADesignatedScopeEngagesReleasesCallsTheVenueAndReportsInJsonAndPdf() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        ApiClient op1 = user("ks-op1", "operator");
        var refused = op1.post("/api/v1/kill-switch/drills", map("scope", map("kind", "exchange", "value", "XAMS"),
                "reason", "annual drill"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("not a designated drill scope");

        var drill = op1.post("/api/v1/kill-switch/drills", map("scope", map("kind", "exchange", "value", "XFRA"),
                "reason", "annual self-assessment 2026"));
        assertThat(drill.status()).as(drill.body()).isEqualTo(201);
        JsonNode report = drill.json();
        int xfra = portsOf("XFRA").values().stream().mapToInt(List::size).sum();
        assertThat(report.get("passed").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("links").asInt()).isEqualTo(xfra);
        assertThat(report.get("downVerified").asInt()).isEqualTo(xfra);
        assertThat(report.get("upVerified").asInt()).isEqualTo(xfra);
        assertThat(report.get("actor").asString()).isEqualTo("ks-op1");
        assertThat(report.get("venueCalls").get(0).get("ok").asBoolean()).isTrue();
        assertThat(VENUE_CALLS).anySatisfy(body -> assertThat(body).contains("\"exchange\":\"XFRA\"",
                "annual self-assessment 2026"));
        assertThat(operUp(portsOf("XFRA"))).as("XFRA links back up after the drill").containsOnly(true);
        assertThat(admin.get("/api/v1/kill-switch").json().get("state").asString()).isEqualTo("released");

        String id = report.get("id").asString();
        assertThat(admin.get("/api/v1/kill-switch/drills/" + id).json().get("perLink").size()).isEqualTo(xfra);
        var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/kill-switch/drills/" + id + "/report.pdf"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:"
                        + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Kill-switch drill: exchange XFRA", "PASSED", "ks-op1", "XFRA-0001");
        }
    }

    /** The hand-off ports of one exchange by device, from the node's kill plan's source: the exchange export. */
    private Map<String, List<String>> portsOf(String exchange) {
        Map<String, List<String>> ports = new TreeMap<>();
        for (JsonNode c : admin.get("/api/v1/exchange-connections?exchange=" + exchange + "&size=1000").json()
                .get("items")) {
            for (JsonNode p : c.get("ports")) {
                ports.computeIfAbsent(c.get("device").asString(), d -> new ArrayList<>()).add(p.asString());
            }
        }
        assertThat(ports).as("hand-offs of " + exchange).isNotEmpty();
        return ports;
    }

    /** Oper state as the device's kernel has it, read over our own SSH login (not the kill switch's sessions). */
    private List<Boolean> operUp(Map<String, List<String>> ports) throws Exception {
        List<Boolean> states = new ArrayList<>();
        for (Map.Entry<String, List<String>> device : ports.entrySet()) {
            Lab.Device d = lab.inventory().get(device.getKey());
            Lab.Result r = Lab.run(30, "ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-i", d.key().toString(), d.user() + "@"
                            + d.mgmtIp(), "show interfaces " + String.join(",", device.getValue()));
            assertThat(r.exit()).as(r.output()).isZero();
            List<String> rows = r.output().lines().skip(1).filter(l -> !l.isBlank()).toList();
            assertThat(rows).as(device.getKey()).hasSize(device.getValue().size());
            rows.forEach(row -> states.add(row.trim().split("\\s+")[3].equals("up")));
        }
        return states;
    }

    private static void daemon(String device, String name, String action) throws Exception {
        Lab.Result r = Lab.run(30, Lab.repoRoot().resolve("deploy/lab/lab").toString(), "daemon", device, name,
                action);
        assertThat(r.exit()).as(r.output()).isZero();
    }

    private static <T> T await(String what, Supplier<T> read, Predicate<T> done) throws InterruptedException {
        return Eventually.await(PATIENCE, what, read, done);
    }
}
