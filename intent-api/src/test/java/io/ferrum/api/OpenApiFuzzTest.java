package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's matrix: every operation of the OpenAPI document, as an admin (who may call all of them), with bodies
 * that are null, of the wrong type, oversized or NUL-laden, and with such values for every query parameter. Never a
 * 5xx; every refusal is problem+json and leaves every intent table as it was.
 */
@Tag("slow")
class OpenApiFuzzTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Endpoints that never end by design (Server-Sent Events). */
    private static final Set<String> STREAMS = Set.of("/api/v1/drift-events/stream");
    private static final String HUGE = "h".repeat(300_000);
    private static final String NUL = "nul\u0000value";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noOperationAnswers5xxToBadBodiesOrFiltersAndRefusalsWriteNothing() throws Exception {
        JsonNode document = admin.get("/v3/api-docs").json();
        JsonNode schemas = document.get("components").get("schemas");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int operations = 0;
        for (var path : document.get("paths").properties()) {
            if (STREAMS.contains(path.getKey())) {
                continue;
            }
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                String url = concrete(path.getKey());
                operations++;
                List<String[]> cases = new ArrayList<>();  // {what, query, body}
                JsonNode content = operation.path("requestBody").path("content");
                if (content.has("application/json")) {
                    JsonNode schema = content.get("application/json").path("schema");
                    for (Map.Entry<String, Object> body : bodies(schema, schemas).entrySet()) {
                        cases.add(new String[] {"body " + body.getKey(), "", JSON.writeValueAsString(body.getValue())});
                    }
                } else if (!method.equals("GET") && !method.equals("DELETE")) {
                    cases.add(new String[] {"no body", "", null});
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (!parameter.path("in").asString("").equals("query")) {
                        continue;
                    }
                    String name = parameter.get("name").asString();
                    for (String value : List.of(HUGE.substring(0, 10_000), NUL, "not-a-number", "-1", "")) {
                        cases.add(new String[] {"query " + name + "=" + abbreviate(value),
                            "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                            content.has("application/json") ? "{}" : null});
                    }
                }
                if (cases.isEmpty()) {
                    cases.add(new String[] {"plain", "", null});
                }
                for (String[] c : cases) {
                    Map<String, Integer> before = rowCounts();
                    long started = System.nanoTime();
                    HttpResponse<String> response = send(method, url + c[1], c[2]);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (millis > 1_000) {
                        System.out.printf("OpenAPI matrix: slow: %s %s %s %d ms%n", method, url, c[0], millis);
                    }
                    requests++;
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    String where = method + " " + url + " " + c[0] + " -> " + response.statusCode();
                    if (response.statusCode() >= 500) {
                        failures.add(where + ": " + abbreviate(response.body()));
                    } else if (response.statusCode() >= 400) {
                        if (!response.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json")) {
                            failures.add(where + " is not problem+json: " + abbreviate(response.body()));
                        }
                        if (!rowCounts().equals(before)) {
                            failures.add(where + " changed the intent tables");
                        }
                    }
                }
            }
        }
        System.out.printf("OpenAPI matrix: %d operations, %d requests, statuses %s, %d failures%n", operations,
                requests, statuses, failures.size());
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(80);
        assertThat(failures).isEmpty();
        assertThat(statuses.keySet()).as("the matrix reaches validation, not only routing").contains(400, 404, 422);
    }

    /** A path with its variables filled by values that name nothing (ids far beyond any row, unknown names). */
    private static String concrete(String path) {
        return path.replaceAll("\\{(id|[a-zA-Z]*Id)\\}", "987654321").replaceAll("\\{[^}]+\\}", "fuzz-nothing");
    }

    /** The bad bodies for an operation: wrong JSON types, then its own shape with bad values in every field. */
    private static Map<String, Object> bodies(JsonNode schema, JsonNode schemas) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("null", null);
        bodies.put("a string", "text");
        bodies.put("a number", 42);
        bodies.put("an empty array", List.of());
        bodies.put("[null]", java.util.Arrays.asList((Object) null));
        bodies.put("an empty object", Map.of());
        boolean array = schema.path("type").asString("").equals("array");
        JsonNode properties = resolve(array ? schema.path("items") : schema, schemas).path("properties");
        if (properties.isObject() && !properties.isEmpty()) {
            for (String kind : List.of("wrong types", "oversized text", "NUL in text", "negative numbers")) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (var property : properties.properties()) {
                    String type = resolve(property.getValue(), schemas).path("type").asString("object");
                    object.put(property.getKey(), switch (kind) {
                        case "wrong types" -> type.equals("string") ? Map.of("x", 1) : "not-a-" + type;
                        case "oversized text" -> type.equals("string") ? HUGE : type.equals("array") ? List.of(HUGE)
                                : null;
                        case "NUL in text" -> type.equals("string") ? NUL : type.equals("array") ? List.of(NUL) : null;
                        default -> type.equals("integer") || type.equals("number") ? -1 : null;
                    });
                }
                bodies.put(kind, array ? List.of(object) : object);
            }
        }
        return bodies;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\u0000", "\\0").replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
