package io.ferrum.api.drift;

import io.ferrum.assurance.drift.DriftEventChanged;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live drift feed: every committed move of a drift event goes to every open stream as a Server-Sent Event
 * named after its new state ({@code open}, {@code resolved} …), with the event as JSON and its id as the SSE id.
 */
@Component
class DriftStream {

    /** Streams end after this long; browsers' EventSource reconnects by itself. */
    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            // a first comment flushes the response headers, so clients see the stream open at once
            emitter.send(SseEmitter.event().comment("drift events follow"));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    /**
     * Ends every stream as soon as the server begins to stop (before the web server's graceful shutdown, which would
     * otherwise wait for these never-ending requests).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @TransactionalEventListener
    void on(DriftEventChanged change) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().id(String.valueOf(change.event().id()))
                        .name(change.event().state().wire()).data(change.event(), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }
    }
}
