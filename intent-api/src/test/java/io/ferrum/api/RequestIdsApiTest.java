package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the client's X-Request-Id is kept as given, and the server records its own id beside it, so two clients
 * sending the same id cannot make their changes look like one request.
 */
class RequestIdsApiTest extends ApiTestBase {

    @Test
    void twoClientsWithTheSameRequestIdStayTwoRequestsInTheChangeLog() {
        var first = admin.withHeader("X-Request-Id", "deploy-42").post("/api/v1/sites",
                map("code", "reqid1", "name", "Request ids 1"));
        var second = admin.withHeader("X-Request-Id", "deploy-42").post("/api/v1/sites",
                map("code", "reqid2", "name", "Request ids 2"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(first.header("X-Request-Id")).as("kept as given").isEqualTo("deploy-42");
        assertThat(second.header("X-Request-Id")).isEqualTo("deploy-42");
        String firstServerId = first.header("X-Server-Request-Id");
        String secondServerId = second.header("X-Server-Request-Id");
        assertThat(firstServerId).isNotBlank().isNotEqualTo(secondServerId);

        JsonNode firstLog = admin.get("/api/v1/change-log?objectType=site&objectId=" + first.id()).json().get(0);
        JsonNode secondLog = admin.get("/api/v1/change-log?objectType=site&objectId=" + second.id()).json().get(0);
        assertThat(firstLog.get("requestId").asText()).isEqualTo("deploy-42");
        assertThat(secondLog.get("requestId").asText()).isEqualTo("deploy-42");
        assertThat(firstLog.get("serverRequestId").asText()).isEqualTo(firstServerId);
        assertThat(secondLog.get("serverRequestId").asText()).isEqualTo(secondServerId);

        assertThat(admin.get("/api/v1/change-log?requestId=deploy-42").json().size()).isEqualTo(2);
        JsonNode one = admin.get("/api/v1/change-log?serverRequestId=" + firstServerId).json();
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).get("objectId").asLong()).isEqualTo(first.id());
    }

    @Test
    void withoutAClientIdBothIdsAreTheServers() {
        var created = admin.post("/api/v1/sites", map("code", "reqid3", "name", "Request ids 3"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Server-Request-Id")).isNotBlank();
        assertThat(created.header("X-Request-Id")).isEqualTo(created.header("X-Server-Request-Id"));
        JsonNode log = admin.get("/api/v1/change-log?objectType=site&objectId=" + created.id()).json().get(0);
        assertThat(log.get("requestId").asText()).isEqualTo(created.header("X-Request-Id"));
        assertThat(log.get("serverRequestId").asText()).isEqualTo(created.header("X-Server-Request-Id"));
    }

    @Test
    void aRefusedSignInCarriesBothIdsToo() {
        var refused = ApiClient.basic(port, "reqid-nobody", "not-a-password").withHeader("X-Request-Id", "who-was-that")
                .get("/api/v1/sites");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).isEqualTo("who-was-that");
        assertThat(refused.header("X-Server-Request-Id")).isNotBlank();
    }
}
