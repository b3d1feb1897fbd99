package io.ferrum.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the tests: what a user's script would do, credentials and all. */
public final class ApiClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;
    private final Map<String, String> headers;

    private ApiClient(String base, String authorization) {
        this(base, authorization, Map.of());
    }

    private ApiClient(String base, String authorization, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same client, also sending {@code name: value} on every request (e.g. X-Request-Id). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, authorization, Map.copyOf(more));
    }

    public static ApiClient basic(int port, String user, String password) {
        return new ApiClient("http://localhost:" + port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, null);
    }

    public Response put(String path, Object body, String ifMatch) {
        return send("PUT", path, body, ifMatch);
    }

    public Response delete(String path, String ifMatch) {
        return send("DELETE", path, null, ifMatch);
    }

    public Response send(String method, String path, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json");
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** Sends raw bytes (e.g. a firmware image) with the given content type. */
    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** POSTs an {@code application/x-www-form-urlencoded} body, as busybox wget's --post-data does. */
    public Response sendForm(String path, String form) {
        return sendBytes("POST", path, form.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
    }

    /** An HTTP answer with its JSON body parsed on demand. */
    public record Response(int status, String contentType, String etag, String body, HttpHeaders headers) {
        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public long id() {
            return json().get("id").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
