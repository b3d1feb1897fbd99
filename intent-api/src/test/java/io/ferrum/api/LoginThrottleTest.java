package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 13: guessing passwords is slowed down (429 with Retry-After) and every failed sign-in is logged. */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest extends ApiTestBase {

    private HttpResponse<String> get(String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/sites")).header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sixtyWrongPasswordsInARowAreSlowedDownWith429AndRetryAfterAndEachFailureIsLogged(CapturedOutput output)
            throws Exception {
        String user = "guessed" + System.nanoTime() % 100000;
        assertThat(admin.post("/api/v1/users", map("username", user, "password", user + "-password-long", "roles",
                List.of("viewer"))).status()).isEqualTo(201);
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> response = get(user, "wrong-guess-" + attempt);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 60)).containsOnly(429);
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();

        HttpResponse<String> right = get(user, user + "-password-long");
        assertThat(right.statusCode()).as("the right password waits too").isEqualTo(429);

        assertThat(output.getOut().lines().filter(l -> l.contains("Failed sign-in for user " + user + " from")))
                .hasSize(10);
        assertThat(output.getOut()).contains("Sign-in refused for user " + user).doesNotContain("wrong-guess-");
        assertThat(admin.get("/api/v1/sites").status()).as("other accounts are not locked out").isEqualTo(200);
    }
}
