package io.ferrum.assurance.notify;

import io.ferrum.assurance.drift.DriftEvent;
import io.ferrum.assurance.drift.DriftEventChanged;
import io.ferrum.assurance.drift.DriftEvents;
import io.ferrum.assurance.drift.DriftQuery;
import io.ferrum.assurance.drift.DriftState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drift events to Alertmanager ({@code POST /api/v2/alerts}), the way Prometheus sends alerts: one alert per event,
 * labels {@code alertname=FerrumDrift, site, device, type, severity, object, fingerprint}; an event that resolves (or
 * is accepted) is sent once more with {@code endsAt}, so Alertmanager resolves it. Open events are re-sent every
 * {@code resend-every}, which also covers an Alertmanager that was down. Sending happens on its own thread after the
 * change committed: a slow or dead Alertmanager never holds up the auditor.
 */
public class AlertmanagerDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertmanagerProperties properties;
    private final DriftEvents events;
    private final HttpClient http;
    private volatile ScheduledExecutorService sender;

    public AlertmanagerDelivery(AlertmanagerProperties properties, DriftEvents events) {
        this.properties = properties;
        this.events = events;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(DriftEventChanged change) {
        ScheduledExecutorService s = sender;
        if (s != null) {
            s.execute(() -> send(List.of(change.event())));
        }
    }

    /** Every open event again (Alertmanager forgets alerts that are not re-sent). */
    void resendOpen() {
        List<DriftEvent> open = new ArrayList<>();
        for (DriftState state : List.of(DriftState.OPEN, DriftState.ACKNOWLEDGED, DriftState.REOPENED)) {
            open.addAll(events.find(new DriftQuery(null, null, null, state, null, 10_000)));
        }
        if (!open.isEmpty()) {
            send(open);
        }
    }

    static Map<String, Object> alert(DriftEvent e, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "FerrumDrift");
        labels.put("site", e.site());
        labels.put("device", e.device());
        labels.put("type", e.type().wire());
        labels.put("severity", e.severity().wire());
        labels.put("object", e.object());
        labels.put("fingerprint", e.fingerprint());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", e.type().wire() + " on " + e.device() + (e.object().equals("-") ? ""
                : " " + e.object()) + ": expected " + e.expected() + ", observed " + e.observed());
        annotations.put("intentRef", String.valueOf(e.intentRef()));
        if (e.detail() != null) {
            annotations.put("detail", e.detail().length() > 2000 ? e.detail().substring(0, 2000) + "…" : e.detail());
        }
        annotations.put("state", e.state().wire());
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", e.firstSeen().toString());
        boolean over = e.state() == DriftState.RESOLVED || e.state() == DriftState.ACCEPTED;
        if (over) {
            alert.put("endsAt", (e.resolvedAt() != null ? e.resolvedAt() : now).toString());
        }
        return alert;
    }

    private void send(List<DriftEvent> batch) {
        Instant now = Instant.now();
        String body = JSON.writeValueAsString(batch.stream().map(e -> alert(e, now)).toList());
        for (URI base : properties.urls()) {
            URI url = base.resolve(base.getPath().endsWith("/") ? "api/v2/alerts" : base.getPath() + "/api/v2/alerts");
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(properties.timeout())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    log.warn("Alertmanager {} refused {} alerts: {} {}", url, batch.size(), response.statusCode(),
                            response.body());
                }
            } catch (IOException e) {
                log.warn("Alertmanager {} unreachable ({}); open drift is sent again within {}", url,
                        e.getMessage(), properties.resendEvery());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (properties.urls().isEmpty()) {
            return;
        }
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alertmanager");
            t.setDaemon(true);
            return t;
        });
        long every = properties.resendEvery().toMillis();
        sender.scheduleWithFixedDelay(() -> {
            try {
                resendOpen();
            } catch (RuntimeException e) {
                log.warn("Alertmanager resend failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sender != null) {
            sender.shutdownNow();
            sender = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
