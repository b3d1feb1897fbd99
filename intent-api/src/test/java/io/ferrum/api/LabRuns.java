package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.lab.Lab;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lab site applied through a server process, the lab built from its exports, and runs followed to their end. */
final class LabRuns {

    /** The exports the lab is built from: file name (as {@code lab up --from} reads it), export kind. */
    static final String[][] EXPORTS = {{"cable-schedule.csv", "cable-schedule-csv"},
        {"device-inventory.csv", "device-inventory-csv"}, {"exchange-handoffs.csv", "exchange-handoffs-csv"}};
    static final List<String> FINAL = List.of("done", "failed", "halted", "cancelled");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LabRuns() {
    }

    /** Applies examples/lab-site.yaml through {@code server}, writes its exports to {@code exports}, builds the lab. */
    static void applyAndBuildLab(ServerProcess server, Lab lab, Path exports) throws Exception {
        String definition = Files.readString(Lab.repoRoot().resolve("examples/lab-site.yaml"));
        HttpResponse<String> planned = server.send("POST", "/api/v1/plans?fileName=lab-site.yaml", definition);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String plan = JSON.readTree(planned.body()).get("plan").get("id").asString();
        assertThat(server.send("POST", "/api/v1/plans/" + plan + "/apply", null).statusCode()).isEqualTo(200);
        Files.createDirectories(exports);
        for (String[] file : EXPORTS) {
            HttpResponse<String> export = server.send("GET", "/api/v1/sites/lab1/exports/" + file[1], null);
            Files.writeString(exports.resolve(file[0]), export.body(), StandardCharsets.UTF_8);
        }
        Lab.Result up = lab.upFrom(exports);
        assertThat(up.exit()).as("lab up:\n%s", up.output()).isZero();
    }

    static JsonNode run(ServerProcess server, long run) throws Exception {
        return JSON.readTree(server.send("GET", "/api/v1/pipeline-runs/" + run, null).body());
    }

    /** Devices done, unchanged or failed so far. */
    static int finished(ServerProcess server, long run) throws Exception {
        JsonNode counts = run(server, run).get("run").get("counts");
        return counts.get("done").asInt() + counts.get("unchanged").asInt() + counts.get("failed").asInt();
    }

    /** The run once it reached a final state, or as it stands after {@code limit}. */
    static JsonNode waitForEnd(ServerProcess server, long run, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode state = run(server, run);
        while (!FINAL.contains(state.get("run").get("state").asString()) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            state = run(server, run);
        }
        return state;
    }

    /** How many configure commands a lab device's own command log holds. */
    static long configureCommands(String device) throws Exception {
        Path log = Path.of("/run/ferrum-lab/dev", device, "log", "commands.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(" configure ")).count() : 0;
    }
}
