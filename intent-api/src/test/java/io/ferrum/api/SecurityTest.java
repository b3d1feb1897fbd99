package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityTest extends ApiTestBase {

    @Test
    void writesWithoutCredentialsGet401() {
        var response = ApiClient.anonymous(port).post("/api/v1/sites", map("code", "anon1", "name", "x"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(ApiClient.anonymous(port).get("/api/v1/sites").status()).isEqualTo(401);
    }

    @Test
    void healthAndApiDocsAreOpen() {
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        var docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/devices")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/plans")).isTrue();
        assertThat(ApiClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void viewerReadsButCannotWrite() {
        createUser("viewer1", List.of("viewer"));
        ApiClient viewer = ApiClient.basic(port, "viewer1", "viewer1-password-long");
        assertThat(viewer.get("/api/v1/sites").status()).isEqualTo(200);
        var write = viewer.post("/api/v1/sites", map("code", "viewer1site", "name", "x"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM site WHERE code = 'viewer1site'", Integer.class)).isZero();
    }

    @Test
    void dcEngineerEditsRacksButNotIpSpace() {
        createUser("dce1", List.of("dc-engineer"));
        ApiClient engineer = ApiClient.basic(port, "dce1", "dce1-password-long");
        assertThat(engineer.post("/api/v1/sites", map("code", "dce1site", "name", "x")).status()).isEqualTo(201);
        assertThat(engineer.post("/api/v1/prefixes", map("prefix", "10.77.0.0/24", "role", "mgmt")).status())
                .isEqualTo(403);
        var log = admin.get("/api/v1/change-log?objectType=site&actor=dce1").json();
        assertThat(log.size()).isEqualTo(1);
    }

    @Test
    void theConsoleNeedsALoginAndServesItsPage() {
        assertThat(ApiClient.anonymous(port).get("/console/index.html").status()).isEqualTo(401);
        createUser("console1", List.of("viewer"));
        ApiClient viewer = ApiClient.basic(port, "console1", "console1-password-long");
        var root = viewer.get("/");
        assertThat(root.status()).isEqualTo(302);
        var page = viewer.get("/console/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Ferrum console</title>", "console.js");
        assertThat(viewer.get("/console/console.js").body()).contains("/api/v1/sites");
    }

    @Test
    void apiTokensAuthenticate() {
        createUser("tok1", List.of("network-engineer"));
        var issued = ApiClient.basic(port, "tok1", "tok1-password-long").post("/api/v1/users/me/tokens",
                map("name", "ci"));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        ApiClient bearer = ApiClient.bearer(port, token);
        assertThat(bearer.post("/api/v1/prefixes", map("prefix", "10.78.0.0/24", "role", "mgmt")).status()).isEqualTo(201);
        assertThat(ApiClient.bearer(port, token + "x").get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE token_hash = ?", Integer.class, token))
                .as("tokens are stored hashed").isZero();
    }

    @Test
    void aTokenThatIsAlreadyExpiredIsRefused() {
        createUser("tok2", List.of("viewer"));
        ApiClient user = ApiClient.basic(port, "tok2", "tok2-password-long");
        int before = jdbc.queryForObject("SELECT count(*) FROM api_token", Integer.class);

        var expired = user.post("/api/v1/users/me/tokens", map("name", "old", "expiresAt", "2020-01-01T00:00:00Z"));

        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.body()).contains("expiresAt", "in the past");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token", Integer.class)).isEqualTo(before);
        assertThat(user.post("/api/v1/users/me/tokens", map("name", "later", "expiresAt", "2099-01-01T00:00:00Z"))
                .status()).isEqualTo(201);
    }

    @Test
    void everyUserReadsTheirOwnRolesWithWhatTheyImply() {
        createUser("me1", List.of("viewer"));
        var viewer = ApiClient.basic(port, "me1", "me1-password-long").get("/api/v1/users/me");
        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.json().get("username").asString()).isEqualTo("me1");
        assertThat(viewer.json().get("effectiveRoles").toString()).isEqualTo("[\"viewer\"]");

        var me = admin.get("/api/v1/users/me").json();
        assertThat(me.get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(me.get("effectiveRoles").toString())
                .isEqualTo("[\"viewer\",\"dc-engineer\",\"network-engineer\",\"operator\",\"admin\"]");
        assertThat(ApiClient.anonymous(port).get("/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsCreateUsers() {
        createUser("ops1", List.of("operator"));
        var attempt = ApiClient.basic(port, "ops1", "ops1-password-long").post("/api/v1/users",
                map("username", "sneaky", "password", "sneaky-password-1", "roles", List.of("admin")));
        assertThat(attempt.status()).isEqualTo(403);
    }

    private void createUser(String name, List<String> roles) {
        var response = admin.post("/api/v1/users", map("username", name, "password", name + "-password-long",
                "roles", roles));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
