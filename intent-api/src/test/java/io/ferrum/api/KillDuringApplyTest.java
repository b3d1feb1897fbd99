package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

    private static final String PASSWORD = "kill-test-password";

    @TempDir
    Path home;

    private Process serve(int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ferrum.FerrumApplication", "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FERRUM_HOME", home.toString());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("FERRUM_ADMIN_PASSWORD", PASSWORD);
        return builder.start();
    }

    private static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/yaml")
                .timeout(Duration.ofSeconds(120)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean healthy(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("UP");
        } catch (Exception notYet) {
            return false;
        }
    }

    private static void awaitHealthy(int port, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!healthy(port)) {
            assertThat(server.isAlive()).as("the server stopped: " + tail(log)).isTrue();
            assertThat(System.nanoTime()).as("not healthy in 120 s: " + tail(log)).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theServerKilledInTheMiddleOfAnApplyRestartsHealthyWithNothingOfTheApplyStored() throws Exception {
        String definition = Files.readString(Path.of("..", "examples", "large-site.yaml"));
        String code = definition.lines().filter(l -> l.contains("code:")).findFirst().orElseThrow()
                .replaceAll(".*code: *([a-z0-9-]+).*", "$1");
        int port = freePort();
        Path firstLog = home.resolve("first.log");
        Process first = serve(port, firstLog);
        try {
            awaitHealthy(port, first, firstLog);
            HttpResponse<String> planned = send(port, "POST", "/api/v1/plans?fileName=large-site.yaml", definition);
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
            String id = JsonMapper.builder().build().readTree(planned.body()).get("plan").get("id").asText();
            CompletableFuture<HttpResponse<String>> apply = CompletableFuture.supplyAsync(() -> {
                try {
                    return send(port, "POST", "/api/v1/plans/" + id + "/apply", null);
                } catch (Exception cut) {
                    return null;
                }
            });
            // the 40x40 apply runs for seconds: kill the server while its transaction is open
            Thread.sleep(1500);
            assertThat(apply).as("the apply must still be running when the server is killed").isNotDone();
        } finally {
            first.destroyForcibly().waitFor(); // kill -9
        }

        Path secondLog = home.resolve("second.log");
        Process second = serve(port, secondLog);
        try {
            awaitHealthy(port, second, secondLog);
            assertThat(Files.readString(secondLog)).as("the PostgreSQL the killed server left behind was found")
                    .contains("from an earlier Ferrum is still serving");
            HttpResponse<String> site = send(port, "GET", "/api/v1/sites?code=" + code, null);
            assertThat(site.statusCode()).isEqualTo(200);
            assertThat(site.body()).as("the interrupted apply left nothing").contains("\"total\":0");
            HttpResponse<String> devices = send(port, "GET", "/api/v1/devices?site=" + code, null);
            assertThat(devices.body()).contains("\"total\":0");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }
}
