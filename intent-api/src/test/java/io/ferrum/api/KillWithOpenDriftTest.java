package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.lab.Lab;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of the server while drift is open on the lab, then {@code ferrum serve} on the same home: every
 * event is still there with its state (an acknowledged one stays acknowledged), no fingerprint gets a second event
 * (the restart's first polls find the same ip drift and join the existing events),
 * and auditing resumes (a port brought back up while the server was down resolves its event after the restart).
 */
@Tag("lab")
@Tag("slow")
class KillWithOpenDriftTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String SHUT_DEVICE = "lab1-r02-leaf01";

    @TempDir
    Path home;

    @Test
    void driftOpenAtAKill9IsAllThereAfterRestartNoneDuplicatedAndAuditingResumes() throws Exception {
        Lab lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED kill-with-open-drift test: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));
        Map<String, String> settings = Map.of("ferrum.pipelines.ssh-private-key", "/run/ferrum-lab/id_ed25519",
                "ferrum.assurance.collector.enabled", "true",
                "ferrum.assurance.collector.sites", "lab1", "ferrum.assurance.collector.interval", "5s");
        int port = ServerProcess.freePort();
        Path exports = home.resolve("exports");
        try (var lock = Lab.exclusive()) {
            // the lab is built with no collector running: 27 devices polled every 5 s while their namespaces and
            // daemons come up made `lab up` take over 5 minutes on this 2-core machine instead of about one
            ServerProcess setup = ServerProcess.start(home, port, home.resolve("setup.log"),
                    Map.of("ferrum.pipelines.ssh-private-key", "/run/ferrum-lab/id_ed25519"));
            try {
                setup.awaitHealthy();
                LabRuns.applyAndBuildLab(setup, lab, exports);
            } finally {
                setup.stop();
            }
            ServerProcess first = ServerProcess.start(home, port, home.resolve("first.log"), settings);
            List<JsonNode> before;
            long acknowledged;
            try {
                first.awaitHealthy();
                List<String> devices = networkDevices(exports.resolve("device-inventory.csv"));
                // No config run: the devices' interfaces lack the addresses intent gives them, so there is open ip
                // drift on every device with routed ports. One port shut by hand adds a port-state event.
                ssh(lab, SHUT_DEVICE, "interface Ethernet49 shutdown");
                await(first, "ip drift, the shut port's drift, every device reachable", events ->
                        events.stream().filter(e -> e.get("type").asString().equals("ip")).count() >= 20
                                && find(events, SHUT_DEVICE, "port-state").isPresent()
                                && devices.stream().noneMatch(d -> find(events, d, "unreachable").isPresent()));
                Thread.sleep(6_000); // one more poll interval: what is open now is what stays open
                before = events(first);
                acknowledged = before.stream().filter(e -> e.get("type").asString().equals("ip")
                        && e.get("state").asString().equals("open")).findFirst().orElseThrow().get("id").asLong();
                HttpResponse<String> ack = first.send("POST", "/api/v1/drift-events/" + acknowledged
                        + "/acknowledge", "", "application/json");
                assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
                before = events(first);
            } finally {
                first.kill9();
            }
            // while no server runs, the port comes back: only an audit after the restart can notice
            ssh(lab, SHUT_DEVICE, "interface Ethernet49 no shutdown");

            ServerProcess second = ServerProcess.start(home, port, home.resolve("second.log"), settings);
            try {
                second.awaitHealthy();
                long portEvent = find(before, SHUT_DEVICE, "port-state").orElseThrow().get("id").asLong();
                List<JsonNode> after = await(second, "the port-state drift resolved after the restart", events ->
                        events.stream().anyMatch(e -> e.get("id").asLong() == portEvent
                                && e.get("state").asString().equals("resolved")));

                Map<Long, JsonNode> byId = new HashMap<>();
                after.forEach(e -> byId.put(e.get("id").asLong(), e));
                for (JsonNode event : before) {
                    assertThat(byId).as("event %s after the restart", event).containsKey(event.get("id").asLong());
                    assertThat(byId.get(event.get("id").asLong()).get("fingerprint").asString())
                            .isEqualTo(event.get("fingerprint").asString());
                }
                assertThat(byId.get(acknowledged).get("state").asString()).isEqualTo("acknowledged");
                List<String> unresolved = after.stream().filter(e -> !e.get("state").asString().equals("resolved"))
                        .map(e -> e.get("fingerprint").asString()).toList();
                assertThat(unresolved).as("one unresolved event per fingerprint").doesNotHaveDuplicates();
                long ipEvents = after.stream().filter(e -> e.get("type").asString().equals("ip")).count();
                assertThat(ipEvents).as("ip events: the restart re-found the same drift, not new drift")
                        .isEqualTo(before.stream().filter(e -> e.get("type").asString().equals("ip")).count());
            } finally {
                second.stop();
                lab.down();
            }
        }
    }

    private static List<JsonNode> events(ServerProcess server) throws Exception {
        HttpResponse<String> response = server.send("GET", "/api/v1/drift-events?site=lab1&limit=1000",
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(response.body()).forEach(events::add);
        return events;
    }

    private static Optional<JsonNode> find(List<JsonNode> events, String device, String type) {
        return events.stream().filter(e -> e.get("device").asString().equals(device)
                && e.get("type").asString().equals(type) && !e.get("state").asString().equals("resolved")).findFirst();
    }

    private static List<JsonNode> await(ServerProcess server, String what, Predicate<List<JsonNode>> done)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<JsonNode> events = events(server);
        while (!done.test(events)) {
            assertThat(System.nanoTime()).as("waited %s for %s; last seen: %s\n%s", PATIENCE, what, events,
                    server.tail()).isLessThan(deadline);
            Thread.sleep(500);
            events = events(server);
        }
        return events;
    }

    private static List<String> networkDevices(Path inventory) throws Exception {
        List<String> lines = Files.readAllLines(inventory);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int hostname = header.indexOf("hostname");
        int role = header.indexOf("role");
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(",", -1))
                .filter(f -> !f[role].equals("server")).map(f -> f[hostname]).toList();
    }

    private static void ssh(Lab lab, String device, String command) throws Exception {
        Lab.Device d = lab.inventory().get(device);
        // a port shut or opened twice is the same port: one more try if a loaded machine lets the first time out
        Lab.Result r = null;
        for (int attempt = 1; attempt <= 2 && (r == null || r.exit() != 0); attempt++) {
            r = Lab.run(60, "ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "-i",
                    d.key().toString(), d.user() + "@" + d.mgmtIp(), command);
        }
        assertThat(r.exit()).as(r.output()).isZero();
    }
}
