package io.ferrum.assurance.notify.webhook;

import io.ferrum.assurance.drift.DriftEventChanged;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox: claims due deliveries, posts each (signed, with a delivery id receivers can de-duplicate on)
 * with {@code parallelism} in flight, and records the attempt: 2xx delivered; anything else (an error status, a
 * timeout, a refused connection) tried again after an exponential backoff, until {@code max-attempts} make it a
 * dead letter. Delivery is at least once: a node that dies after the receiver answered but before the row was
 * updated sends it again when the lease runs out.
 */
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    public static final String DELIVERY_HEADER = "X-Ferrum-Delivery";
    public static final String EVENT_HEADER = "X-Ferrum-Event";

    private final WebhookProperties properties;
    private final WebhookDeliveries deliveries;
    private final Webhooks webhooks;
    private final HttpClient http;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile ScheduledExecutorService ticker;
    private volatile ExecutorService senders;

    public WebhookSender(WebhookProperties properties, WebhookDeliveries deliveries, Webhooks webhooks) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A committed drift change may have queued deliveries: send them now instead of at the next tick. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DriftEventChanged change) {
        ScheduledExecutorService t = ticker;
        if (t != null) {
            t.execute(this::sweep);
        }
    }

    /** Sends every due delivery, a claim of {@code 4 × parallelism} at a time. */
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            List<WebhookDeliveries.Claimed> claimed;
            do {
                claimed = deliveries.claim(properties.parallelism() * 4, properties.lease());
                List<Future<?>> inFlight = claimed.stream().<Future<?>>map(c -> senders.submit(() -> attempt(c)))
                        .toList();
                for (Future<?> f : inFlight) {
                    f.get(properties.lease().toMillis(), TimeUnit.MILLISECONDS);
                }
            } while (!claimed.isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("webhook sweep stopped: {}", e.toString());
        } finally {
            sweeping.set(false);
        }
    }

    private void attempt(WebhookDeliveries.Claimed delivery) {
        int attempt = delivery.attempts() + 1;
        Integer status = null;
        String error;
        try {
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Ferrum-Webhook/1")
                    .header(DELIVERY_HEADER, Long.toString(delivery.id()))
                    .header(EVENT_HEADER, delivery.kind())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(webhooks.secret(delivery.webhook(), delivery.secret()),
                            timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                deliveries.delivered(delivery.id(), status);
                return;
            }
            error = "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            error = e.toString();
        }
        boolean dead = attempt >= properties.maxAttempts();
        Instant next = Instant.now().plus(properties.backoff(attempt, ThreadLocalRandom.current().nextDouble()));
        deliveries.failed(delivery.id(), status, error, dead ? Instant.now() : next, dead);
        if (dead) {
            log.warn("webhook {} delivery {} ({}) is a dead letter after {} attempts: {}", delivery.webhook(),
                    delivery.id(), delivery.kind(), attempt, error);
        } else {
            log.info("webhook {} delivery {} attempt {} failed ({}); next at {}", delivery.webhook(), delivery.id(),
                    attempt, error, next);
        }
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(properties.parallelism(), r -> {
            Thread t = new Thread(r, "webhook-send");
            t.setDaemon(true);
            return t;
        });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-outbox");
            t.setDaemon(true);
            return t;
        });
        long every = properties.pollEvery().toMillis();
        ticker.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            senders.shutdownNow();
            ticker = null;
            senders = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
