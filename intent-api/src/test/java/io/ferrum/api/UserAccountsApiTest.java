package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 13: managing tokens, passwords and accounts through the API, and the trail it leaves in the change log. */
class UserAccountsApiTest extends ApiTestBase {

    @Test
    void aUserListsAndRevokesTheirTokensAndARevokedTokenStopsAtOnce() {
        ApiClient user = createUser("acct-tok1", List.of("viewer"));
        String laptop = mint(user, "laptop");
        String ci = mint(user, "ci");

        var listed = user.get("/api/v1/users/me/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(names(listed.json())).containsExactly("ci", "laptop");
        assertThat(listed.body()).doesNotContain(laptop, ci, sha256(laptop), sha256(ci));
        long laptopId = idOf(listed.json(), "laptop");

        assertThat(ApiClient.bearer(port, laptop).get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(user.delete("/api/v1/users/me/tokens/" + laptopId, null).status()).isEqualTo(204);
        var refused = ApiClient.bearer(port, laptop).get("/api/v1/sites");
        assertThat(refused.status()).as("revoked means refused on the very next request").isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ApiClient.bearer(port, ci).get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(names(user.get("/api/v1/users/me/tokens").json())).containsExactly("ci");
    }

    @Test
    void aUserCannotTouchSomeoneElsesTokensButAnAdminCan() {
        ApiClient owner = createUser("acct-tok2", List.of("viewer"));
        ApiClient other = createUser("acct-tok3", List.of("network-engineer"));
        String token = mint(owner, "script");
        long id = idOf(owner.get("/api/v1/users/me/tokens").json(), "script");

        assertThat(other.delete("/api/v1/users/me/tokens/" + id, null).status())
                .as("someone else's token is as unknown as a missing one").isEqualTo(404);
        assertThat(other.get("/api/v1/users/acct-tok2/tokens").status()).isEqualTo(403);
        assertThat(other.delete("/api/v1/users/acct-tok2/tokens/" + id, null).status()).isEqualTo(403);
        assertThat(ApiClient.bearer(port, token).get("/api/v1/sites").status()).isEqualTo(200);

        var listed = admin.get("/api/v1/users/acct-tok2/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(names(listed.json())).containsExactly("script");
        assertThat(admin.delete("/api/v1/users/acct-tok3/tokens/" + id, null).status())
                .as("the token must belong to the user named in the path").isEqualTo(404);
        assertThat(admin.delete("/api/v1/users/acct-tok2/tokens/" + id, null).status()).isEqualTo(204);
        assertThat(ApiClient.bearer(port, token).get("/api/v1/sites").status()).isEqualTo(401);
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOne() {
        ApiClient user = createUser("acct-pw1", List.of("viewer"));
        String token = mint(user, "pw1");
        ApiClient viaToken = ApiClient.bearer(port, token);

        var wrong = viaToken.post("/api/v1/users/me/password",
                map("currentPassword", "not-my-password", "newPassword", "acct-pw1-new-password"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");

        var tooLong = user.post("/api/v1/users/me/password",
                map("currentPassword", "acct-pw1-password-long", "newPassword", "é".repeat(37)));
        assertThat(tooLong.status()).as("74 bytes: bcrypt would ignore the end").isEqualTo(422);
        assertThat(tooLong.body()).contains("newPassword", "72 bytes");
        var tooShort = user.post("/api/v1/users/me/password",
                map("currentPassword", "acct-pw1-password-long", "newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("newPassword");
        assertThat(user.get("/api/v1/users/me").json().has("passwordChangedAt")).isFalse();

        var changed = viaToken.post("/api/v1/users/me/password",
                map("currentPassword", "acct-pw1-password-long", "newPassword", "acct-pw1-new-password"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(user.get("/api/v1/sites").status()).as("the old password is gone").isEqualTo(401);
        ApiClient renewed = ApiClient.basic(port, "acct-pw1", "acct-pw1-new-password");
        assertThat(renewed.get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(renewed.get("/api/v1/users/me").json().get("passwordChangedAt").asText()).isNotBlank();
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedSignIns() {
        ApiClient user = createUser("acct-pw2", List.of("viewer"));
        ApiClient viaToken = ApiClient.bearer(port, mint(user, "pw2"));
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = viaToken.post("/api/v1/users/me/password",
                    map("currentPassword", "guess-" + i, "newPassword", "acct-pw2-new-password")).status();
        }
        assertThat(status).as("a stolen token is no faster an oracle for the password than signing in").isEqualTo(429);
        var refused = viaToken.post("/api/v1/users/me/password",
                map("currentPassword", "acct-pw2-password-long", "newPassword", "acct-pw2-new-password"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAdminResetsAPassword() {
        ApiClient user = createUser("acct-pw3", List.of("viewer"));
        assertThat(user.post("/api/v1/users/acct-pw3/password", map("newPassword", "self-service-password"))
                .status()).as("only admins set another's password").isEqualTo(403);
        var reset = admin.post("/api/v1/users/acct-pw3/password", map("newPassword", "acct-pw3-reset-password"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(user.get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(ApiClient.basic(port, "acct-pw3", "acct-pw3-reset-password").get("/api/v1/sites").status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledUsersPasswordAndTokensStopWorkingUntilReEnabled() {
        ApiClient user = createUser("acct-off1", List.of("dc-engineer"));
        ApiClient viaToken = ApiClient.bearer(port, mint(user, "off1"));

        var disabled = admin.post("/api/v1/users/acct-off1/disable", null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        var basic = user.get("/api/v1/sites");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.body()).as("no hint that the account exists").doesNotContainIgnoringCase("disabled");
        assertThat(viaToken.get("/api/v1/sites").status()).isEqualTo(401);
        assertThat(user.post("/api/v1/users/acct-off1/enable", null).status()).isEqualTo(401);

        assertThat(admin.post("/api/v1/users/acct-off1/enable", null).json().get("enabled").asBoolean()).isTrue();
        assertThat(user.get("/api/v1/sites").status()).isEqualTo(200);
        assertThat(viaToken.get("/api/v1/sites").status()).isEqualTo(200);
    }

    @Test
    void theLastEnabledAdminCannotDisableThemselvesNorDropTheirAdminRole() {
        List<String> otherAdmins = new ArrayList<>();
        for (JsonNode user : admin.get("/api/v1/users").json()) {
            boolean isAdmin = user.get("roles").toString().contains("\"admin\"");
            if (isAdmin && user.get("enabled").asBoolean() && !user.get("username").asText().equals("admin")) {
                otherAdmins.add(user.get("username").asText());
            }
        }
        otherAdmins.forEach(name -> assertThat(admin.post("/api/v1/users/" + name + "/disable", null).status())
                .isEqualTo(200));
        try {
            var refused = admin.post("/api/v1/users/admin/disable", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("last enabled admin");
            var demoted = admin.put("/api/v1/users/admin/roles", map("roles", List.of("viewer")), null);
            assertThat(demoted.status()).isEqualTo(409);
            assertThat(demoted.body()).contains("roles", "last enabled admin");
            assertThat(admin.get("/api/v1/users/me").json().get("enabled").asBoolean()).isTrue();

            createUser("acct-admin2", List.of("admin"));
            ApiClient second = ApiClient.basic(port, "acct-admin2", "acct-admin2-password-long");
            assertThat(second.post("/api/v1/users/acct-admin2/disable", null).status())
                    .as("with another enabled admin, an admin may disable themselves").isEqualTo(200);
            assertThat(admin.post("/api/v1/users/admin/disable", null).status()).isEqualTo(409);
        } finally {
            otherAdmins.forEach(name -> admin.post("/api/v1/users/" + name + "/enable", null));
        }
    }

    @Test
    void rolesChangeAndTheNewRolesApplyAtOnce() {
        ApiClient user = createUser("acct-role1", List.of("viewer"));
        assertThat(user.post("/api/v1/sites", map("code", "acctrole1", "name", "x")).status()).isEqualTo(403);
        var changed = admin.put("/api/v1/users/acct-role1/roles", map("roles", List.of("dc-engineer")), null);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("roles").get(0).asText()).isEqualTo("dc-engineer");
        assertThat(user.post("/api/v1/sites", map("code", "acctrole1", "name", "x")).status()).isEqualTo(201);
        var empty = admin.put("/api/v1/users/acct-role1/roles", map("roles", List.of()), null);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("roles");
        assertThat(admin.put("/api/v1/users/nobody-here/roles", map("roles", List.of("viewer")), null).status())
                .isEqualTo(404);
    }

    @Test
    void meIsNoUsername() {
        var refused = admin.post("/api/v1/users", map("username", "me", "password", "me-password-long", "roles",
                List.of("viewer")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("username", "reserved");
    }

    @Test
    void accountManagementIsInTheChangeLogWithActorAndRequestButNoSecret() {
        ApiClient traced = admin.withHeader("X-Request-Id", "acct-audit-create");
        var created = traced.post("/api/v1/users", map("username", "acct-audit1", "password",
                "acct-audit1-password-long", "roles", List.of("viewer")));
        assertThat(created.status()).isEqualTo(201);
        long userId = created.id();
        String firstHash = passwordHash("acct-audit1");
        ApiClient user = ApiClient.basic(port, "acct-audit1", "acct-audit1-password-long");
        var issued = user.post("/api/v1/users/me/tokens", map("name", "audit"));
        String token = issued.json().get("token").asText();
        long tokenId = issued.id();
        assertThat(user.post("/api/v1/users/me/password", map("currentPassword", "acct-audit1-password-long",
                "newPassword", "acct-audit1-second-password")).status()).isEqualTo(204);
        user = ApiClient.basic(port, "acct-audit1", "acct-audit1-second-password");
        assertThat(admin.put("/api/v1/users/acct-audit1/roles", map("roles", List.of("operator")), null).status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/users/acct-audit1/disable", null).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/users/acct-audit1/enable", null).status()).isEqualTo(200);
        assertThat(user.delete("/api/v1/users/me/tokens/" + tokenId, null).status()).isEqualTo(204);

        JsonNode userLog = admin.get("/api/v1/change-log?objectType=user&objectId=" + userId).json();
        assertThat(actions(userLog)).containsExactly("update", "update", "update", "update", "create");
        JsonNode creation = userLog.get(4);
        assertThat(creation.get("actor").asText()).isEqualTo("admin");
        assertThat(creation.get("requestId").asText()).isEqualTo("acct-audit-create");
        assertThat(creation.get("serverRequestId").asText()).isEqualTo(created.header("X-Server-Request-Id"));
        assertThat(creation.get("after").get("username").asText()).isEqualTo("acct-audit1");
        JsonNode passwordChange = userLog.get(3);
        assertThat(passwordChange.get("actor").asText()).isEqualTo("acct-audit1");
        assertThat(passwordChange.get("before").hasNonNull("passwordChangedAt")).isFalse();
        assertThat(passwordChange.get("after").get("passwordChangedAt").asText()).isNotBlank();
        assertThat(userLog.get(2).get("before").get("roles").get(0).asText()).isEqualTo("viewer");
        assertThat(userLog.get(2).get("after").get("roles").get(0).asText()).isEqualTo("operator");
        assertThat(userLog.get(1).get("after").get("enabled").asBoolean()).isFalse();
        assertThat(userLog.get(0).get("after").get("enabled").asBoolean()).isTrue();

        JsonNode tokenLog = admin.get("/api/v1/change-log?objectType=api-token&objectId=" + tokenId).json();
        assertThat(actions(tokenLog)).containsExactly("delete", "create");
        assertThat(tokenLog.get(1).get("after").get("name").asText()).isEqualTo("audit");
        assertThat(tokenLog.get(0).get("actor").asText()).isEqualTo("acct-audit1");
        assertThat(tokenLog.get(0).get("requestId").asText()).isNotBlank();

        List<String> secrets = List.of("acct-audit1-password-long", "acct-audit1-second-password", firstHash,
                passwordHash("acct-audit1"), token, sha256(token));
        for (String secret : secrets) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM change_log WHERE strpos(concat(before::text, "
                    + "after::text, request_id, server_request_id, actor), ?) > 0", Integer.class, secret))
                    .as("the change log holds no password, hash or token").isZero();
        }
        String asServed = userLog.toString() + tokenLog;
        assertThat(asServed).doesNotContain(secrets.toArray(String[]::new));
        assertThat(asServed).doesNotContainIgnoringCase("hash");
    }

    @Test
    void theApiDocumentShowsAccountManagement() {
        JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/users/me/tokens")).isTrue();
        assertThat(paths.get("/api/v1/users/me/tokens").has("get")).isTrue();
        assertThat(paths.get("/api/v1/users/me/tokens/{id}").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/users/{username}/tokens/{id}").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/users/me/password").has("post")).isTrue();
        assertThat(paths.get("/api/v1/users/{username}/disable").has("post")).isTrue();
        assertThat(paths.get("/api/v1/users/{username}/roles").has("put")).isTrue();
    }

    private ApiClient createUser(String name, List<String> roles) {
        var response = admin.post("/api/v1/users", map("username", name, "password", name + "-password-long",
                "roles", roles));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return ApiClient.basic(port, name, name + "-password-long");
    }

    private static String mint(ApiClient user, String name) {
        var issued = user.post("/api/v1/users/me/tokens", map("name", name));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().get("token").asText();
    }

    private String passwordHash(String username) {
        return jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, username);
    }

    private static List<String> names(JsonNode tokens) {
        List<String> names = new ArrayList<>();
        tokens.forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static long idOf(JsonNode tokens, String name) {
        for (JsonNode token : tokens) {
            if (token.get("name").asText().equals(name)) {
                return token.get("id").asLong();
            }
        }
        throw new AssertionError("no token " + name + " in " + tokens);
    }

    private static List<String> actions(JsonNode log) {
        List<String> actions = new ArrayList<>();
        log.forEach(entry -> actions.add(entry.get("action").asText()));
        return actions;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
