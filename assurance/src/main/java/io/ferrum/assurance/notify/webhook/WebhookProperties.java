package io.ferrum.assurance.notify.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.assurance.webhooks.*}: how drift events are delivered to webhooks (the webhooks themselves are
 * data, managed through {@code /api/v1/webhooks}).
 *
 * @param maxAttempts    attempts before a delivery becomes a dead letter
 * @param initialBackoff wait after the first failed attempt; doubled after each further one (with up to 20 % jitter)
 * @param maxBackoff     the longest wait between two attempts
 * @param timeout        connect and response timeout of one attempt
 * @param pollEvery      how often due deliveries are looked for (a committed drift change also wakes the sender)
 * @param parallelism    attempts in flight at once, so one dead receiver does not hold up the others
 */
@ConfigurationProperties("ferrum.assurance.webhooks")
public record WebhookProperties(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout,
                                Duration pollEvery, Integer parallelism) {

    public WebhookProperties {
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        pollEvery = pollEvery == null ? Duration.ofSeconds(1) : pollEvery;
        parallelism = parallelism == null ? 4 : parallelism;
        if (maxAttempts < 1 || parallelism < 1) {
            throw new IllegalArgumentException("ferrum.assurance.webhooks: max-attempts and parallelism must be >= 1");
        }
    }

    /** How long a sender holds a claimed delivery: past it, another sender (or node) may try again. */
    Duration lease() {
        return timeout.multipliedBy(3);
    }

    /** The wait after {@code failedAttempts} failures: exponential, capped, with jitter {@code 0 <= j < 1}. */
    Duration backoff(int failedAttempts, double jitter) {
        long base = initialBackoff.toMillis();
        long wait = failedAttempts >= 31 ? Long.MAX_VALUE : base << Math.max(0, failedAttempts - 1);
        if (wait < 0 || wait > maxBackoff.toMillis()) {
            wait = maxBackoff.toMillis();
        }
        return Duration.ofMillis(wait + (long) (wait * 0.2 * jitter));
    }
}
