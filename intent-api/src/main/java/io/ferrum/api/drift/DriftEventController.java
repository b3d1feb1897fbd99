package io.ferrum.api.drift;

import io.ferrum.assurance.audit.DriftType;
import io.ferrum.assurance.audit.Severity;
import io.ferrum.assurance.drift.DriftEvent;
import io.ferrum.assurance.drift.DriftEvents;
import io.ferrum.assurance.drift.DriftQuery;
import io.ferrum.assurance.drift.DriftState;
import io.ferrum.assurance.drift.DriftTransition;
import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.common.IntentException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Drift events for operations: list and read them, acknowledge them, accept them for a while with a reason. */
@RestController
@RequestMapping("/api/v1/drift-events")
class DriftEventController {

    private static final int MAX_LIMIT = 1000;

    private final DriftEvents events;
    private final DriftStream stream;

    DriftEventController(DriftEvents events, DriftStream stream) {
        this.events = events;
        this.stream = stream;
    }

    /** An event with its trail of moves. */
    record EventWithHistory(DriftEvent event, List<DriftTransition> history) {
    }

    /** Why the drift is acceptable and until when; after that the event re-opens by itself. */
    record Acceptance(String reason, Instant until) {
    }

    @GetMapping
    List<DriftEvent> list(@RequestParam(required = false) String site, @RequestParam(required = false) String device,
                          @RequestParam(required = false) String type, @RequestParam(required = false) String state,
                          @RequestParam(required = false) String severity,
                          @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw IntentException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return events.find(new DriftQuery(site, device,
                parse("type", type, DriftType.values(), DriftType::wire),
                parse("state", state, DriftState.values(), DriftState::wire),
                parse("severity", severity, Severity.values(), Severity::wire), limit));
    }

    /** Server-Sent Events: every committed move of any drift event, as it happens. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.open();
    }

    @GetMapping("/{id}")
    EventWithHistory get(@PathVariable long id) {
        return new EventWithHistory(events.get(id), events.history(id));
    }

    @PostMapping("/{id}/acknowledge")
    DriftEvent acknowledge(@PathVariable long id) {
        return events.acknowledge(id, ChangeContext.current().name(), Instant.now());
    }

    @PostMapping("/{id}/accept")
    DriftEvent accept(@PathVariable long id, @RequestBody Acceptance acceptance) {
        return events.accept(id, ChangeContext.current().name(), acceptance.reason(), acceptance.until(),
                Instant.now());
    }

    private static <E> E parse(String field, String value, E[] values, Function<E, String> wire) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(values).filter(v -> wire.apply(v).equals(value)).findFirst().orElseThrow(() ->
                IntentException.invalid(field, "'" + value + "' is not one of "
                        + Arrays.stream(values).map(wire).toList()));
    }
}
