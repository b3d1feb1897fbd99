package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.db.EmbeddedPostgresServer;
import io.ferrum.provisioning.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Ferrum nodes on one PostgreSQL, as a site runs them for availability: a run executes on exactly one node,
 * and when that node is killed (SIGKILL) in the middle of the run, the other takes it over through Quartz's cluster
 * check-in and finishes it, with every device configured exactly once (the devices' own command logs).
 */
@Tag("lab")
@Tag("slow")
class TwoNodesPipelineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void aRunExecutesOnOneNodeAndTheOtherFinishesItWhenThatNodeIsKilled() throws Exception {
        Lab lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED two-node pipeline test: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        try (var lock = Lab.exclusive();
             EmbeddedPostgresServer database = EmbeddedPostgresServer.start(dir.resolve("pg"), true)) {
            Map<String, String> settings = new HashMap<>(Map.of(
                    "ferrum.pipelines.ssh-private-key", "/run/ferrum-lab/id_ed25519",
                    "ferrum.pipelines.cluster-checkin", "2s", "ferrum.pipelines.max-attempts", "2",
                    "ferrum.pipelines.first-backoff", "200ms", "ferrum.db.url", database.jdbcUrl(),
                    "ferrum.db.user", "postgres"));
            ServerProcess a = ServerProcess.start(dir.resolve("a"), ServerProcess.freePort(), dir.resolve("a.log"),
                    settings);
            ServerProcess b = null;
            try {
                a.awaitHealthy();
                b = ServerProcess.start(dir.resolve("b"), ServerProcess.freePort(), dir.resolve("b.log"), settings);
                b.awaitHealthy();
                LabRuns.applyAndBuildLab(a, lab, dir.resolve("exports"));

                // One device at a time, so the kill lands in the middle; started through node A, run by either.
                JsonNode started = JSON.readTree(a.send("POST", "/api/v1/pipeline-runs",
                        "{\"kind\":\"config\",\"target\":{\"site\":\"lab1\"},\"concurrency\":1}", "application/json")
                        .body());
                long run = started.get("run").get("id").asLong();
                List<String> devices = started.get("tasks").valueStream().map(t -> t.get("device").asString()).toList();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (LabRuns.finished(b, run) < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                String marker = "pipeline-run-" + run + "]";
                boolean onA = a.log().contains(marker);
                assertThat(onA ^ b.log().contains(marker)).as("the run executes on exactly one node").isTrue();
                ServerProcess active = onA ? a : b;
                ServerProcess survivor = onA ? b : a;
                active.kill9();

                JsonNode after = LabRuns.waitForEnd(survivor, run, Duration.ofMinutes(3));
                assertThat(after.get("run").get("state").asString()).as(after + "\n" + survivor.tail()).isEqualTo("done");
                assertThat(survivor.log()).contains("recovering pipeline run " + run);
                for (String device : devices) {
                    assertThat(LabRuns.configureCommands(device)).as(device + " configured").isEqualTo(1);
                }

                // A second run on the surviving node: all unchanged, executed once, nothing written.
                JsonNode again = JSON.readTree(survivor.send("POST", "/api/v1/pipeline-runs",
                        "{\"kind\":\"config\",\"target\":{\"site\":\"lab1\"}}", "application/json").body());
                JsonNode noop = LabRuns.waitForEnd(survivor, again.get("run").get("id").asLong(), Duration.ofMinutes(3));
                assertThat(noop.get("run").get("counts").get("unchanged").asInt()).isEqualTo(devices.size());
            } finally {
                a.stop();
                if (b != null) {
                    b.stop();
                }
                lab.down();
            }
        }
    }
}
