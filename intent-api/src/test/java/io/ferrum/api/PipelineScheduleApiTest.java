package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.standards.fixtures.FreshSites;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cron schedules of pipeline runs: checked when created, fired by Quartz, each firing a run with the schedule as
 * its actor (or its failure recorded on the schedule), gone when deleted. The runs here touch no device: a
 * firmware run over a site whose devices want no particular firmware logs in nowhere.
 */
class PipelineScheduleApiTest extends ApiTestBase {

    private static void refused(ApiClient.Response response, String field, String says) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.body()).contains(says);
    }

    private JsonNode firedSchedule(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode schedule = admin.get("/api/v1/pipeline-schedules/" + id).json().get("schedule");
        while (!schedule.hasNonNull("lastFiredAt") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            schedule = admin.get("/api/v1/pipeline-schedules/" + id).json().get("schedule");
        }
        return schedule;
    }

    @Test
    void aScheduleIsCheckedWhenCreated() {
        var target = map("site", "nowhere");
        refused(admin.post("/api/v1/pipeline-schedules", map("name", "s1", "cron", "every night", "kind", "config",
                "target", target)), "cron", "is not a cron expression");
        refused(admin.post("/api/v1/pipeline-schedules", map("name", "s1", "cron", "0 30 2 * * ?", "timeZone",
                "Mars/Olympus", "kind", "config", "target", target)), "timeZone", "is not a time zone");
        refused(admin.post("/api/v1/pipeline-schedules", map("name", "S 1", "cron", "0 30 2 * * ?", "kind", "config",
                "target", target)), "name", "lower-case");
        refused(admin.post("/api/v1/pipeline-schedules", map("name", "s1", "cron", "0 30 2 * * ?", "kind", "reboot",
                "target", target)), "kind", "expected config, firmware or os-install");

        var nightly = admin.post("/api/v1/pipeline-schedules", map("name", "sched-nightly", "cron", "0 30 2 * * ?",
                "timeZone", "Europe/Amsterdam", "kind", "config", "dryRun", true, "target", target));
        assertThat(nightly.status()).as(nightly.body()).isEqualTo(201);
        assertThat(nightly.json().get("nextFire").asString()).isNotBlank();
        refused(admin.post("/api/v1/pipeline-schedules", map("name", "sched-nightly", "cron", "0 30 2 * * ?",
                "kind", "config", "target", target)), "name", "exists already");
        long id = nightly.json().get("schedule").get("id").asLong();
        assertThat(admin.delete("/api/v1/pipeline-schedules/" + id, null).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/pipeline-schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void aFiringStartsARunWithTheScheduleAsItsActor() throws Exception {
        FreshSites.FreshSite site = FreshSites.freshSmallSite("colo-pod@1");
        var planned = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site.definition(), null);
        assertThat(admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "")
                .status()).isEqualTo(200);

        var created = admin.post("/api/v1/pipeline-schedules", map("name", "sched-" + site.code(), "cron",
                "* * * * * ?", "kind", "firmware", "target", map("site", site.code())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("schedule").get("id").asLong();
        JsonNode schedule = firedSchedule(id);
        assertThat(admin.delete("/api/v1/pipeline-schedules/" + id, null).status()).isEqualTo(204);

        assertThat(schedule.hasNonNull("lastError")).as(schedule.toString()).isFalse();
        long runId = schedule.get("lastRunId").asLong();
        JsonNode run = admin.get("/api/v1/pipeline-runs/" + runId).json().get("run");
        assertThat(run.get("actor").asString()).isEqualTo("schedule:sched-" + site.code() + " (created by admin)");
        assertThat(run.get("kind").asString()).isEqualTo("firmware");
    }

    @Test
    void aFiringThatCannotStartItsRunSaysWhyOnTheSchedule() throws Exception {
        var created = admin.post("/api/v1/pipeline-schedules", map("name", "sched-broken", "cron", "* * * * * ?",
                "kind", "config", "target", map("devices", List.of("sched-no-such-device"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("schedule").get("id").asLong();
        JsonNode schedule = firedSchedule(id);
        assertThat(admin.delete("/api/v1/pipeline-schedules/" + id, null).status()).isEqualTo(204);

        assertThat(schedule.get("lastError").asString()).contains("sched-no-such-device");
        assertThat(schedule.hasNonNull("lastRunId")).isFalse();
    }
}
