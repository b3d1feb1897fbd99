package io.ferrum.api.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's way to a running server ({@code --server URL}): credentials from FERRUM_TOKEN (an API token), or
 * FERRUM_USER and FERRUM_PASSWORD; problem responses become one-line errors.
 */
final class RemoteFerrum {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RemoteFerrum(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
    }

    static RemoteFerrum connect(String server) {
        String token = setting("FERRUM_TOKEN");
        String user = setting("FERRUM_USER");
        String password = setting("FERRUM_PASSWORD");
        String authorization;
        if (token != null && !token.isBlank()) {
            authorization = "Bearer " + token;
        } else if (user != null && password != null) {
            authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new CliException("--server needs credentials: set FERRUM_TOKEN, or FERRUM_USER and FERRUM_PASSWORD");
        }
        return new RemoteFerrum(server, authorization);
    }

    /**
     * The server running on this machine's FERRUM_HOME, if one is (its {@link LocalServerFile}, its process alive and
     * its port answering within half a second); the CLI then plans and applies there instead of starting its own
     * Spring context and database. FERRUM_NO_SERVER=1 opts out.
     */
    private static java.util.Optional<RemoteFerrum> localServer() {
        if ("1".equals(setting("FERRUM_NO_SERVER"))) {
            return java.util.Optional.empty();
        }
        return io.ferrum.api.security.LocalServerFile.find(LabCommands.home()).filter(RemoteFerrum::listening)
                .map(f -> new RemoteFerrum(f.url(), "Bearer " + f.token()));
    }

    /**
     * Where a command that can work either way should work: {@code --server URL} when given, else the server running
     * on this FERRUM_HOME (said on {@code err}, so nobody wonders where the answer came from), else none: the command
     * starts its own context.
     */
    static java.util.Optional<RemoteFerrum> chosen(String server, java.io.PrintWriter err) {
        if (server != null) {
            return java.util.Optional.of(connect(server));
        }
        java.util.Optional<RemoteFerrum> local = localServer();
        local.ifPresent(r -> {
            err.println("ferrum: using the server running on this FERRUM_HOME at " + r.base
                    + " (FERRUM_NO_SERVER=1 to work without it)");
            err.flush();
        });
        return local;
    }

    private static boolean listening(io.ferrum.api.security.LocalServerFile file) {
        URI uri = URI.create(file.url());
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** From the environment, else a JVM system property of the same name (for embedding and tests). */
    private static String setting(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }

    JsonNode postText(String path, String body) {
        return JSON.readTree(new String(send("POST", path, body), StandardCharsets.UTF_8));
    }

    JsonNode postJson(String path, Object body) {
        return JSON.readTree(new String(send("POST", path, body == null ? "" : JSON.writeValueAsString(body),
                "application/json"), StandardCharsets.UTF_8));
    }

    byte[] get(String path) {
        return send("GET", path, null);
    }

    JsonNode getJson(String path) {
        return JSON.readTree(new String(get(path), StandardCharsets.UTF_8));
    }

    /** A long-lived GET (Server-Sent Events): the body as it arrives; no overall timeout. */
    java.io.InputStream stream(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 400) {
                throw new CliException("HTTP " + response.statusCode() + " from " + path);
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new CliException("cannot reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] send(String method, String path, String body) {
        return send(method, path, body, "application/yaml");
    }

    private byte[] send(String method, String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new CliException("cannot reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() >= 400) {
            throw new CliException(problem(response));
        }
        return response.body();
    }

    private static String problem(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode problem = JSON.readTree(text);
            JsonNode errors = problem.get("errors");
            if (errors != null && errors.isArray() && !errors.isEmpty()) {
                return StreamSupport.stream(errors.spliterator(), false)
                        .map(e -> e.get("field").asText() + ": " + e.get("reason").asText())
                        .collect(Collectors.joining("\n"));
            }
            return response.statusCode() + " " + problem.path("detail").asText(text);
        } catch (RuntimeException notJson) {
            return "HTTP " + response.statusCode() + ": " + text;
        }
    }
}
