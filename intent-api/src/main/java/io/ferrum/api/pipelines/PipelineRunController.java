package io.ferrum.api.pipelines;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.RunView;
import io.ferrum.provisioning.pipeline.TaskView;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pipeline-runs}: start a run ({@code {kind, target, dryRun, concurrency, canary, failureBudget}}),
 * follow it (per-device tasks, progress counts), cancel it, retry its failed devices, read a device's diff.
 */
@RestController
@RequestMapping("/api/v1/pipeline-runs")
class PipelineRunController {

    private final PipelineRunService service;
    private final PipelineRuns runs;

    PipelineRunController(PipelineRunService service, PipelineRuns runs) {
        this.service = service;
        this.runs = runs;
    }

    /** A run with its tasks, as GET /{id} answers. */
    record RunDetail(RunView run, List<TaskView> tasks) {
    }

    @PostMapping
    ResponseEntity<RunDetail> start(@RequestBody PipelineRunService.RunRequest request, Principal principal) {
        RunView run = service.start(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/pipeline-runs/" + run.id()))
                .body(new RunDetail(run, runs.tasks(run.id())));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw IntentException.invalid("limit", "expected 1 to 500, found " + limit);
        }
        return Map.of("items", runs.recent(limit));
    }

    @GetMapping("/{id}")
    RunDetail get(@PathVariable long id) {
        return new RunDetail(service.get(id), runs.tasks(id));
    }

    @PostMapping("/{id}/cancel")
    RunView cancel(@PathVariable long id) {
        return service.cancel(id);
    }

    @PostMapping("/{id}/retry-failed")
    RunView retryFailed(@PathVariable long id) {
        return service.retryFailed(id);
    }

    @GetMapping(value = "/{id}/tasks/{device}/diff", produces = "text/x-diff")
    ResponseEntity<String> diff(@PathVariable long id, @PathVariable String device) {
        service.get(id);
        var task = runs.task(id, device).orElseThrow(() -> IntentException.notFound("device",
                "run " + id + " has no task for device '" + device + "'"));
        String diff = runs.diff(id, device).orElse(null);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/x-diff; charset=utf-8"))
                .body(diff == null ? "# " + device + ": no diff (" + task.state().wire() + ")\n" : diff);
    }

    @GetMapping("/{id}/tasks/{device}/timeline")
    List<Map<String, Object>> timeline(@PathVariable long id, @PathVariable String device) {
        var task = runs.task(id, device).orElseThrow(() -> IntentException.notFound("device",
                "run " + id + " has no task for device '" + device + "'"));
        return runs.timeline(task.id());
    }
}
