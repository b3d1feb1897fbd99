package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13: client mistakes that answered 500 (or were stored) are refused with a 4xx naming the field. */
class RefusalRegressionTest extends ApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"sites", "racks", "device-types", "devices", "cables", "prefixes", "ip-addresses",
        "exchange-connections"})
    void aNullInABulkArrayIsRefusedNamingItsIndexAndNothingIsWritten(String resource) {
        Map<String, Integer> before = rowCounts();
        var response = admin.post("/api/v1/" + resource + "/bulk", java.util.Arrays.asList((Object) null));
        assertThat(response.status()).as(response.toString()).isIn(400, 405, 422);
        if (response.status() != 405) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains("[0]");
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aNullInsideANestedListIsRefusedNamingItsPlaceAndNothingIsStored() {
        Map<String, Integer> before = rowCounts();
        var tags = admin.post("/api/v1/sites", map("code", "nulltag", "name", "x", "tags",
                java.util.Arrays.asList("ok", null)));
        assertThat(tags.status()).as(tags.toString()).isEqualTo(422);
        assertThat(tags.body()).contains("tags[1]");
        var templates = admin.post("/api/v1/device-types", map("slug", "null-templates", "manufacturer", "Acme",
                "model", "N", "uHeight", 1, "portTemplates", java.util.Arrays.asList((Object) null)));
        assertThat(templates.status()).as(templates.toString()).isEqualTo(422);
        assertThat(templates.body()).contains("portTemplates[0]");
        var roles = admin.post("/api/v1/users", map("username", "nullrole", "password", "nullrole-password-long",
                "roles", java.util.Arrays.asList((Object) null)));
        assertThat(roles.status()).as(roles.toString()).isEqualTo(422);
        assertThat(roles.body()).contains("roles");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aNulInABodyOrAFilterIsRefusedNotAConflictAndNothingIsStored() {
        Map<String, Integer> before = rowCounts();
        var body = admin.post("/api/v1/sites", map("code", "nulsite", "name", "nul\u0000name"));
        assertThat(body.status()).as(body.toString()).isEqualTo(422);
        assertThat(body.body()).contains("NUL");
        var filter = admin.get("/api/v1/sites?code=a%00b");
        assertThat(filter.status()).as(filter.toString()).isEqualTo(422);
        assertThat(filter.body()).contains("\"code\"", "NUL");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aHugeValueEchoedInARefusalIsCut() {
        String huge = "z".repeat(200_000);
        var response = admin.post("/api/v1/racks", map("site", huge, "name", "r1", "heightU", 42));
        assertThat(response.status()).as(response.toString().substring(0, 200)).isBetween(400, 422);
        assertThat(response.body().length()).isLessThan(3_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/sites/a%2Fb", "/api/v1/sites/a%00b"})
    void requestsTomcatRefusesBeforeSpringAreAnsweredAsProblemsNotHtml(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        String longPassword = "p".repeat(73);
        var response = admin.post("/api/v1/users", map("username", "longpw", "password", longPassword, "roles",
                List.of("viewer")));
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.body()).contains("password", "72 bytes");
    }

    @Test
    void deletingASiteThatAPrefixOrVlanStillNeedsIsAConflictNamingThem() {
        String code = "refsite" + System.nanoTime() % 100000;
        long site = admin.post("/api/v1/sites", map("code", code, "name", "Referenced")).id();
        assertThat(admin.post("/api/v1/prefixes", map("prefix", "198.19.77.0/24", "role", "server", "site", code))
                .status()).isEqualTo(201);
        Map<String, Integer> before = rowCounts();
        var response = admin.delete("/api/v1/sites/" + site, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.body()).contains("prefix 198.19.77.0/24");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void theConsoleAnswersAtTheAddressTheReadmeGives() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/console/")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("<html");
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/console")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
    }

    @Test
    void oversizedTextIsRefusedNamingTheFieldBeforeTheDatabaseAndNothingIsStored() {
        Map<String, Integer> before = rowCounts();
        // 9 KB in a uniquely indexed field failed in the index with a 500 (and logged the SQL three times)
        var serial = admin.post("/api/v1/sites/bulk", List.of(map("code", "ok-" + System.nanoTime() % 100000,
                "name", "fine"), map("code", "x".repeat(9_000), "name", "too long")));
        assertThat(serial.status()).as(serial.body()).isEqualTo(422);
        assertThat(serial.contentType()).startsWith("application/problem+json");
        assertThat(serial.body()).contains("[1].code", "at most 255 characters (got 9000)");
        // a 5 MB site name was stored
        var name = admin.post("/api/v1/sites", map("code", "bigname", "name", "n".repeat(5 * 1024 * 1024)));
        assertThat(name.status()).isEqualTo(422);
        assertThat(name.body()).contains("\"name\"", "at most 255 characters").hasSizeLessThan(3_000);
        var description = admin.post("/api/v1/prefixes", map("prefix", "198.19.201.0/24", "role", "server",
                "description", "d".repeat(4_001)));
        assertThat(description.status()).isEqualTo(422);
        assertThat(description.body()).contains("description", "at most 4000 characters");
        var tag = admin.post("/api/v1/sites", map("code", "bigtag", "name", "ok", "tags", List.of("t".repeat(300))));
        assertThat(tag.status()).isEqualTo(422);
        assertThat(tag.body()).contains("tags[0]");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void everyStringOfTheOpenApiSchemaDocumentsItsMaximumLength() {
        var document = admin.get("/v3/api-docs").json();
        List<String> unbounded = new java.util.ArrayList<>();
        document.get("components").get("schemas").properties().forEach(schema -> {
            var properties = schema.getValue().get("properties");
            if (properties == null) {
                return;
            }
            properties.properties().forEach(property -> {
                var p = property.getValue();
                if (p.path("type").asString("").equals("string") && !p.has("format") && !p.has("enum")
                        && !p.has("maxLength")) {
                    unbounded.add(schema.getKey() + "." + property.getKey());
                }
            });
        });
        assertThat(unbounded).isEmpty();
        assertThat(document.get("components").get("schemas").get("SiteDraft").get("properties").get("name")
                .get("maxLength").asInt()).isEqualTo(255);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        Map<String, Integer> before = rowCounts();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
        byte[] eleven = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(eleven, (byte) ' ');
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/sites")).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(eleven)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(declared.body()).contains("max-request-size");
        // no Content-Length: the body is cut off where it passes the limit
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/sites/bulk")).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream("[".getBytes()), new java.io.ByteArrayInputStream(eleven))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("over 10485760 bytes");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBulkOverTheLimitIsRefusedBeforeAnyItemIsValidated() {
        Map<String, Integer> before = rowCounts();
        List<Map<String, Object>> sites = new java.util.ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            sites.add(map("code", "bulk" + i, "name", "Bulk " + i));
        }
        var response = admin.post("/api/v1/sites/bulk", sites);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("at most 1000 items", "got 1001", "split");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void oversizedHeadersAreAnsweredAsAProblemNotHtml() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/sites")).header("X-Padding", "p".repeat(20_000))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(400, 431);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("<html");
    }
}
