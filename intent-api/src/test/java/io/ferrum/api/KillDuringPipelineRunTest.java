package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.lab.Lab;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * {@code kill -9} of the server in the middle of a config run on the lab, then {@code ferrum serve} on the same
 * home: Quartz recovers the run, it finishes, and the devices' own command logs show every device configured exactly
 * once (a push confirmed before the kill is never repeated).
 */
@Tag("lab")
@Tag("slow")
class KillDuringPipelineRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @Test
    void aRunInterruptedByKill9ResumesAfterRestartAndConfiguresNoDeviceTwice() throws Exception {
        Lab lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED kill-during-pipeline-run test: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));
        Map<String, String> settings = Map.of("ferrum.pipelines.ssh-private-key", "/run/ferrum-lab/id_ed25519",
                "ferrum.pipelines.cluster-checkin", "2s", "ferrum.pipelines.max-attempts", "2",
                "ferrum.pipelines.first-backoff", "200ms");
        int port = ServerProcess.freePort();
        Path exports = home.resolve("exports");
        try (var lock = Lab.exclusive()) {
            ServerProcess first = ServerProcess.start(home, port, home.resolve("first.log"), settings);
            long run;
            List<String> devices;
            try {
                first.awaitHealthy();
                LabRuns.applyAndBuildLab(first, lab, exports);

                // one device at a time, so the kill lands with most devices still to do
                HttpResponse<String> started = first.send("POST", "/api/v1/pipeline-runs",
                        "{\"kind\":\"config\",\"target\":{\"site\":\"lab1\"},\"concurrency\":1}", "application/json");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
                JsonNode body = JSON.readTree(started.body());
                run = body.get("run").get("id").asLong();
                devices = body.get("tasks").valueStream().map(t -> t.get("device").asString()).toList();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (LabRuns.finished(first, run) < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(LabRuns.finished(first, run)).as("devices done before the kill").isBetween(3, devices.size() - 3);
            } finally {
                first.kill9();
            }

            ServerProcess second = ServerProcess.start(home, port, home.resolve("second.log"), settings);
            try {
                second.awaitHealthy();
                JsonNode after = LabRuns.waitForEnd(second, run, Duration.ofMinutes(3));
                assertThat(after.get("run").get("state").asString()).as(after.toString() + "\n" + second.tail())
                        .isEqualTo("done");
                assertThat(after.get("run").get("counts").get("done").asInt()).isEqualTo(devices.size());
                assertThat(second.log()).contains("recovering pipeline run " + run);
                for (String device : devices) {
                    assertThat(LabRuns.configureCommands(device)).as(device + " configured").isEqualTo(1);
                }
            } finally {
                second.stop();
                lab.down();
            }
        }
    }
}
