package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 (CLI start-up): with a server running on the same FERRUM_HOME, {@code ferrum plan} and {@code apply} use
 * it through the owner-only run file instead of starting a context and database of their own; the change is
 * recorded as {@code cli:<user>}; a stopped or killed server's file is not trusted, and the CLI works alone again.
 * Real processes: the server and each CLI call run in child JVMs.
 */
@Tag("slow")
class LocalServerCliTest {

    @TempDir
    Path home;

    @Test
    void planAndApplyUseTheServerRunningOnTheHomeAndWorkAloneOnceItIsGone() throws Exception {
        Path definition = Path.of("..", "examples", "small-site.yaml").toAbsolutePath().normalize();
        int port = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(home, port, home.resolve("server.log"), Map.of());
        try {
            server.awaitHealthy();
            Path runFile = home.resolve("run/server.json");
            assertThat(runFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runFile))).isEqualTo("rw-------");

            Cli plan = cli("plan", definition.toString());
            assertThat(plan.exit()).as(plan.output()).isZero();
            assertThat(plan.output()).contains("using the server running on this FERRUM_HOME at http://127.0.0.1:"
                    + port).contains("Plan ", "for site ams1");

            Cli apply = cli("apply", "--auto-approve", definition.toString());
            assertThat(apply.exit()).as(apply.output()).isZero();
            assertThat(apply.output()).contains("using the server", "Apply complete");
            HttpResponse<String> site = server.send("GET", "/api/v1/sites?code=ams1", null);
            assertThat(site.body()).contains("\"code\":\"ams1\"");
            HttpResponse<String> changes = server.send("GET", "/api/v1/change-log?objectType=site&limit=5", null);
            assertThat(changes.body()).as("the apply is the CLI user's, made through the server")
                    .contains("\"actor\":\"cli:" + System.getProperty("user.name") + "\"");

            // a forged token is not the run's token
            HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/sites"))
                    .header("Authorization", "Bearer fer_local_" + "0".repeat(64))
                    .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);
        } finally {
            server.kill9();
        }

        // the killed server's file stays behind; its process is gone, so the CLI plans alone
        assertThat(home.resolve("run/server.json")).exists();
        Cli alone = cli("plan", "--detailed-exitcode", definition.toString());
        assertThat(alone.output()).doesNotContain("using the server");
        assertThat(alone.exit()).as(alone.output()).isZero(); // applied above: no changes
    }

    private record Cli(int exit, String output) {
    }

    private Cli cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), "io.ferrum.FerrumApplication"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(home, "cli", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FERRUM_HOME", home.toString());
        builder.environment().remove("FERRUM_NO_SERVER");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("ferrum " + String.join(" ", args) + " did not finish in 3 minutes:\n"
                    + Files.readString(log));
        }
        return new Cli(process.exitValue(), Files.readString(log));
    }
}
