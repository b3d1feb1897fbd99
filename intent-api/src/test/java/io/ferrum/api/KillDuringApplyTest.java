package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13: {@code kill -9} of the server in the middle of an apply, then {@code ferrum serve} again on the same
 * home: it is healthy on the first start, and the database holds nothing of the interrupted apply (one
 * transaction). Real processes: the server runs in a child JVM and is killed with SIGKILL.
 */
@Tag("slow")
class KillDuringApplyTest {

    @TempDir
    Path home;

    @Test
    void theServerKilledInTheMiddleOfAnApplyRestartsHealthyWithNothingOfTheApplyStored() throws Exception {
        String definition = Files.readString(Path.of("..", "examples", "large-site.yaml"));
        String code = definition.lines().filter(l -> l.contains("code:")).findFirst().orElseThrow()
                .replaceAll(".*code: *([a-z0-9-]+).*", "$1");
        int port = ServerProcess.freePort();
        ServerProcess first = ServerProcess.start(home, port, home.resolve("first.log"), java.util.Map.of());
        try {
            first.awaitHealthy();
            HttpResponse<String> planned = first.send("POST", "/api/v1/plans?fileName=large-site.yaml", definition);
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
            String id = JsonMapper.builder().build().readTree(planned.body()).get("plan").get("id").asText();
            CompletableFuture<HttpResponse<String>> apply = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.send("POST", "/api/v1/plans/" + id + "/apply", null);
                } catch (Exception cut) {
                    return null;
                }
            });
            // the 40x40 apply runs for seconds: kill the server while its transaction is open
            Thread.sleep(1500);
            assertThat(apply).as("the apply must still be running when the server is killed").isNotDone();
        } finally {
            first.kill9();
        }

        ServerProcess second = ServerProcess.start(home, port, home.resolve("second.log"), java.util.Map.of());
        try {
            second.awaitHealthy();
            assertThat(second.log()).as("the PostgreSQL the killed server left behind was found")
                    .contains("from an earlier Ferrum is still serving");
            HttpResponse<String> site = second.send("GET", "/api/v1/sites?code=" + code, null);
            assertThat(site.statusCode()).isEqualTo(200);
            assertThat(site.body()).as("the interrupted apply left nothing").contains("\"total\":0");
            HttpResponse<String> devices = second.send("GET", "/api/v1/devices?site=" + code, null);
            assertThat(devices.body()).contains("\"total\":0");
        } finally {
            second.stop();
        }
    }
}
