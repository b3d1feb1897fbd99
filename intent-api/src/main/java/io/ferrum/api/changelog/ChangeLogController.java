package io.ferrum.api.changelog;

import io.ferrum.model.changelog.ChangeLogEntry;
import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.common.IntentException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Who changed what, when, in which request, with the object before and after. */
@RestController
@RequestMapping("/api/v1/change-log")
class ChangeLogController {

    private final ChangeLogQuery query;
    private final ObjectMapper json;

    ChangeLogController(ChangeLogQuery query, ObjectMapper json) {
        this.query = query;
        this.json = json;
    }

    /** {@code requestId} is the client's id for the request (X-Request-Id), {@code serverRequestId} the server's. */
    record EntryView(long id, java.time.Instant at, String actor, String requestId, String serverRequestId,
                     String action, String objectType, long objectId, JsonNode before, JsonNode after) {
    }

    @GetMapping
    List<EntryView> list(@RequestParam(required = false) String objectType, @RequestParam(required = false) Long objectId,
                         @RequestParam(required = false) String actor, @RequestParam(required = false) String requestId,
                         @RequestParam(required = false) String serverRequestId,
                         @RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw IntentException.invalid("limit", "expected 1 to 1000");
        }
        return query.find(objectType, objectId, actor, requestId, serverRequestId, before, limit).stream().map(this::view).toList();
    }

    private EntryView view(ChangeLogEntry e) {
        return new EntryView(e.id(), e.at(), e.actor(), e.requestId(), e.serverRequestId(), e.action(), e.objectType(), e.objectId(),
                e.before() == null ? null : json.readTree(e.before()), e.after() == null ? null : json.readTree(e.after()));
    }
}
