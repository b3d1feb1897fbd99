package io.ferrum.api.pipelines;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/pipeline-schedules}: runs on a cron schedule, e.g. a nightly dry-run over a site. */
@RestController
@RequestMapping("/api/v1/pipeline-schedules")
class PipelineScheduleController {

    private final PipelineScheduleService service;

    PipelineScheduleController(PipelineScheduleService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<PipelineScheduleService.ScheduleView> create(
            @RequestBody PipelineScheduleService.ScheduleRequest request, Principal principal) {
        PipelineScheduleService.ScheduleView view = service.create(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/pipeline-schedules/" + view.schedule().id())).body(view);
    }

    @GetMapping
    Map<String, List<PipelineScheduleService.ScheduleView>> list() {
        return Map.of("items", service.list());
    }

    @GetMapping("/{id}")
    PipelineScheduleService.ScheduleView get(@PathVariable long id) {
        return service.get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Principal principal) {
        service.delete(id, principal.getName());
    }
}
