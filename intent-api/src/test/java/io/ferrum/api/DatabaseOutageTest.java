package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 13: when PostgreSQL dies under a running server, every call answers 503 problem+json with Retry-After
 * within the bounded connection wait, never a 401 that blames the user's password; then Ferrum starts its embedded
 * PostgreSQL again by itself and the API recovers with every committed row. Its own application and database, since
 * it kills that database.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ferrum.db.connection-wait-ms=1500", "ferrum.db.pool-size=4",
            // long enough that the 503s below are seen before the watchdog brings the database back
            "ferrum.db.embedded-watchdog=20s"})
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeadDatabaseIsA503WithRetryAfterForPasswordsAndTokensAlike() throws Exception {
        ApiClient admin = ApiClient.basic(port, "admin", ApiTestBase.ADMIN_PASSWORD);
        String token = admin.post("/api/v1/users/me/tokens", ApiTestBase.map("name", "outage")).json()
                .get("token").asText();
        assertThat(admin.post("/api/v1/sites", ApiTestBase.map("code", "before", "name", "Before the kill"))
                .status()).isEqualTo(201);
        // tests run PostgreSQL with synchronous_commit off: make that commit durable before the kill
        jdbc.execute("CHECKPOINT");

        Path data = Path.of(jdbc.queryForObject("SHOW data_directory", String.class));
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());

        for (ApiClient client : List.of(admin, ApiClient.bearer(port, token))) {
            var response = client.get("/api/v1/sites");
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains("database is not reachable").doesNotContain("Sign in");
        }
        var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/sites"))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(503);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("5");
        var write = admin.post("/api/v1/sites", ApiTestBase.map("code", "nodb", "name", "No database"));
        assertThat(write.status()).isEqualTo(503);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(503);

        // the watchdog restarts the postmaster on the same data and port; nothing committed is lost
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        var sites = admin.get("/api/v1/sites?code=before");
        while (sites.status() != 200) {
            assertThat(System.nanoTime()).as("the API back after the restart; last: %s", sites).isLessThan(deadline);
            Thread.sleep(500);
            sites = admin.get("/api/v1/sites?code=before");
        }
        assertThat(sites.json().get("total").asInt()).as("the site committed before the kill").isEqualTo(1);
        assertThat(ApiClient.bearer(port, token).get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        long restarted = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(restarted).isNotEqualTo(postmaster);
    }
}
