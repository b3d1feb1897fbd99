package io.ferrum.assurance.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffAndSignatureTest {

    private final WebhookProperties properties = new WebhookProperties(8, Duration.ofSeconds(5),
            Duration.ofMinutes(10), null, null, null);

    @Test
    void backoffDoublesFromTheInitialWaitAndStopsAtTheCap() {
        assertThat(properties.backoff(1, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backoff(2, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoff(5, 0)).isEqualTo(Duration.ofSeconds(80));
        assertThat(properties.backoff(8, 0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.backoff(63, 0)).as("no overflow").isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.backoff(1, 0.999)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBodyAndAnyChangeBreaksIt() {
        byte[] body = "{\"type\":\"drift-event.open\"}".getBytes(StandardCharsets.UTF_8);
        // reference value: printf '1700000000.{"type":"drift-event.open"}' | openssl dgst -sha256 -hmac secret
        String signature = WebhookSignature.sign("secret", 1_700_000_000L, body);
        assertThat(signature).isEqualTo("sha256=b844063d98d6a1c38b43acb784f3c76708ac80799bf41f98f26834eb3fbd72b7");
        assertThat(WebhookSignature.verify("secret", 1_700_000_000L, body, signature)).isTrue();
        assertThat(WebhookSignature.verify("secret", 1_700_000_001L, body, signature)).as("replayed later").isFalse();
        assertThat(WebhookSignature.verify("other", 1_700_000_000L, body, signature)).isFalse();
        byte[] altered = "{\"type\":\"drift-event.resolved\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify("secret", 1_700_000_000L, altered, signature)).isFalse();
        assertThat(WebhookSignature.verify("secret", 1_700_000_000L, body, null)).isFalse();
    }
}
