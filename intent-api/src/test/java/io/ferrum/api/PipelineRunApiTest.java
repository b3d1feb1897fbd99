package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.pipeline.DeviceTarget;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.RunKind;
import io.ferrum.provisioning.pipeline.RunOptions;
import io.ferrum.provisioning.pipeline.RunState;
import io.ferrum.provisioning.pipeline.RunTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /api/v1/pipeline-runs} refusals: every bad request is a 422 naming its field and stores no run. (Runs that
 * reach devices are in the lab tests: these tests never send traffic outside the lab.)
 */
class PipelineRunApiTest extends ApiTestBase {

    @Autowired
    PipelineRuns pipelineRuns;

    private int runs() {
        return jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Integer.class);
    }

    private void refused(Map<String, Object> request, String field, String reason) {
        int before = runs();
        var answer = admin.post("/api/v1/pipeline-runs", request);
        assertThat(answer.status()).as(answer.body()).isIn(400, 422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(answer.body()).contains(reason);
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void badRunRequestsAreRefusedByField() {
        refused(map("kind", "reboot", "target", map("site", "nowhere")), "kind", "expected config, firmware or os-install");
        refused(map("target", map("site", "nowhere")), "kind", "expected config, firmware or os-install");
        refused(map("kind", "config"), "target", "expected");
        refused(map("kind", "config", "target", map("role", "leaf")), "target", "target.site or target.devices");
        refused(map("kind", "config", "target", map("site", "no-such-site")), "target.site", "no-such-site");
        refused(map("kind", "config", "target", map("devices", List.of("no-such-device"))), "target.devices",
                "no-such-device");
        refused(map("kind", "config", "target", map("site", "x"), "concurrency", 0), "concurrency", "1 to 1000");
        refused(map("kind", "config", "target", map("site", "x"), "failureBudget", 1.5), "failureBudget", "0 to 1");
        refused(map("kind", "config", "target", map("site", "x"), "channel", "telnet"), "channel", "shell or netconf");
        refused(map("kind", "firmware", "target", map("site", "x"), "channel", "netconf"), "channel", "device shell");
    }

    @Test
    void unknownRunsAreNotFoundAndViewersCannotStartRuns() {
        assertThat(admin.get("/api/v1/pipeline-runs/987654321").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/pipeline-runs/987654321/cancel", "").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/pipeline-runs?limit=0").status()).isEqualTo(422);
        admin.post("/api/v1/users", map("username", "pipeviewer", "password", "pipeviewer-password", "roles",
                List.of("viewer")));
        ApiClient viewer = ApiClient.basic(port, "pipeviewer", "pipeviewer-password");
        assertThat(viewer.post("/api/v1/pipeline-runs", map("kind", "config", "target", map("site", "x"))).status())
                .isEqualTo(403);
        assertThat(viewer.get("/api/v1/pipeline-runs").status()).isEqualTo(200);
    }

    /** Regression (console pipeline runs page): a device without a stored diff answered 500. */
    @Test
    void aDeviceWithoutADiffSaysSo() {
        long run = pipelineRuns.create(RunKind.CONFIG, new RunTarget("nodiff1", null, null, null, null),
                new RunOptions(true, 10, 1, 0.0), "admin", List.of(new DeviceTarget("nodiff-leaf", "198.19.250.9",
                        "leaf", "r1")), Map.of("nodiff-leaf", 0));
        try {
            var diff = admin.get("/api/v1/pipeline-runs/" + run + "/tasks/nodiff-leaf/diff");
            assertThat(diff.status()).as(diff.body()).isEqualTo(200);
            assertThat(diff.body()).isEqualTo("# nodiff-leaf: no diff (pending)\n");
        } finally {
            pipelineRuns.finish(run, RunState.CANCELLED, "test over"); // never left for a scheduler to pick up
        }
    }
}
