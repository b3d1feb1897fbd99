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
}
