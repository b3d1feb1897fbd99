package io.ferrum.api.killswitch;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.provisioning.killswitch.Engagement;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange kill switch over HTTP. Engaging, requesting and approving a release need role {@code operator}
 * (admins too); reading its state needs viewer.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/kill-switch")
class KillSwitchController {

    private final KillSwitchService service;
    private final io.ferrum.provisioning.killswitch.KillPlans plans;

    KillSwitchController(KillSwitchService service, io.ferrum.provisioning.killswitch.KillPlans plans) {
        this.service = service;
        this.plans = plans;
    }

    @GetMapping
    Engagement status() {
        return service.status();
    }

    /** The node's kill plan in short: when it was computed, from which intent revision, links per exchange. */
    record PlanSummary(long revision, java.time.Instant computedAt, int links,
                       java.util.Map<String, Long> byExchange, java.util.Map<String, Long> byGroup) {
    }

    @GetMapping("/plan")
    PlanSummary plan() {
        var plan = plans.current().orElseThrow(() -> io.ferrum.model.common.IntentException.notFound("plan",
                "no kill plan on this node yet"));
        return new PlanSummary(plan.revision(), plan.computedAt(), plan.links().size(),
                new java.util.TreeMap<>(plan.links().stream().collect(java.util.stream.Collectors.groupingBy(
                        io.ferrum.provisioning.killswitch.KillLink::exchange, java.util.stream.Collectors.counting()))),
                new java.util.TreeMap<>(plan.links().stream().collect(java.util.stream.Collectors.groupingBy(
                        io.ferrum.provisioning.killswitch.KillLink::group, java.util.stream.Collectors.counting()))));
    }

    @PostMapping("/engage")
    Engagement engage(@RequestBody KillSwitchService.EngageRequest request) {
        return service.engage(request, ChangeContext.current().name());
    }

    record ReleaseBody(String reason) {
    }

    @PostMapping("/release-requests")
    @ResponseStatus(HttpStatus.CREATED)
    KillSwitchService.ReleaseRequest requestRelease(@RequestBody ReleaseBody body) {
        return service.requestRelease(body == null ? null : body.reason(), ChangeContext.current().name());
    }

    @GetMapping("/release-requests")
    List<KillSwitchService.ReleaseRequest> requests() {
        return service.requests();
    }

    /** A drill on a designated scope: engage and release, and its report (JSON here, PDF at {@code .../report.pdf}). */
    @PostMapping("/drills")
    @ResponseStatus(HttpStatus.CREATED)
    DrillReport drill(@RequestBody KillSwitchService.EngageRequest request) {
        return service.drill(request, ChangeContext.current().name());
    }

    @GetMapping("/drills/{id}")
    DrillReport drillReport(@PathVariable String id) {
        return service.drillReport(id);
    }

    @GetMapping(path = "/drills/{id}/report.pdf", produces = "application/pdf")
    org.springframework.http.ResponseEntity<byte[]> drillPdf(@PathVariable String id) {
        DrillReport report = service.drillReport(id);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"kill-switch-drill-" + id + ".pdf\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF).body(DrillReportPdf.render(report));
    }

    @PostMapping("/release-requests/{id}/approve")
    Engagement approve(@PathVariable long id) {
        return service.approve(id, ChangeContext.current().name());
    }
}
