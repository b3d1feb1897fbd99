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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A Ferrum server in its own JVM ({@code serve} on a home and port), for tests that kill it with SIGKILL and start
 * another on the same home, as an operator's restart would.
 */
final class ServerProcess {

    static final String PASSWORD = "kill-test-password";

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    int port() {
        return port;
    }

    /** Starts {@code ferrum serve}; {@code properties} become JVM system properties (Spring settings). */
    static ServerProcess start(Path home, int port, Path log, Map<String, String> properties) throws IOException {
        // C1 only, as the test JVMs themselves run (the root pom's test.jvm.args): these servers live for a minute or
        // two, most of it starting, and C2's compile threads only compete with the test for the 2 cores
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        // these servers apply sites whose devices are not in the lab: no polling unless a test asks for it
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of("ferrum.assurance.collector.enabled",
                "false"));
        settings.putAll(properties);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("io.ferrum.FerrumApplication", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FERRUM_HOME", home.toString());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("FERRUM_ADMIN_PASSWORD", PASSWORD);
        return new ServerProcess(builder.start(), port, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(120)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes as {@code application/octet-stream} (image uploads). */
    HttpResponse<String> sendBytes(String method, String path, byte[] body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(120)).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String yaml) throws Exception {
        return send(method, path, yaml, "application/yaml");
    }

    private boolean healthy() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("UP");
        } catch (Exception notYet) {
            return false;
        }
    }

    void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!healthy()) {
            assertThat(process.isAlive()).as("the server stopped: " + tail()).isTrue();
            assertThat(System.nanoTime()).as("not healthy in 120 s: " + tail()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill9() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
