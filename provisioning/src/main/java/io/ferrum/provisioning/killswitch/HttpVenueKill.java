package io.ferrum.provisioning.killswitch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Calls a venue's kill endpoint: {@code POST} of {exchange, engagement, reason, actor, at} as JSON; 2xx is success. */
public final class HttpVenueKill implements VenueKill {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public HttpVenueKill(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String describe() {
        return "POST " + url;
    }

    @Override
    public void kill(String exchange, String engagement, String reason, String actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exchange", exchange);
        body.put("engagement", engagement);
        body.put("reason", reason);
        body.put("actor", actor);
        body.put("at", Instant.now().toString());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(describe() + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(describe() + ": interrupted", e);
        }
    }
}
