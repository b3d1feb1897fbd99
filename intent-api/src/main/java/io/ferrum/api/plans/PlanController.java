package io.ferrum.api.plans;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.common.IntentException;
import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanOptions;
import io.ferrum.standards.plan.PlanText;
import io.ferrum.standards.plan.SitePlanning;
import java.time.Instant;
import org.springframework.http.HttpStatus;
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
 * Plan and apply a site definition: {@code POST /api/v1/plans} with the YAML or JSON definition as the body returns
 * the plan and its id; {@code POST /api/v1/plans/{id}/apply} applies exactly that plan, or answers 409 when the
 * intent changed since.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    private final SitePlanning planning;
    private final PlanStore store;
    private final PlanWorkOrders workOrders;

    PlanController(SitePlanning planning, PlanStore store, PlanWorkOrders workOrders) {
        this.planning = planning;
        this.store = store;
        this.workOrders = workOrders;
    }

    /** The plan as JSON, with the same text the CLI prints. */
    record PlanView(Plan plan, String text, boolean applicable) {
        static PlanView of(Plan plan) {
            return new PlanView(plan, PlanText.render(plan), plan.applicable());
        }
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    ResponseEntity<PlanView> plan(@RequestBody String definition,
                                  @RequestParam(defaultValue = "site-definition") String fileName,
                                  @RequestParam(defaultValue = "false") boolean allowDestroyActive) {
        PlanOptions options = new PlanOptions(allowDestroyActive);
        Plan plan = planning.plan(fileName, definition, options);
        store.put(new PlanStore.StoredPlan(plan, fileName, definition, options, ChangeContext.current().name(),
                Instant.now()));
        return ResponseEntity.status(HttpStatus.CREATED).body(PlanView.of(plan));
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable String id) {
        return PlanView.of(stored(id).plan());
    }

    @PostMapping("/{id}/apply")
    PlanView apply(@PathVariable String id) {
        PlanStore.StoredPlan stored = stored(id);
        return PlanView.of(planning.apply(stored.fileName(), stored.definition(), stored.options(), id));
    }

    /** What engineers must build if this plan is applied: {@code ?format=pdf} (default) or {@code csv}. */
    @GetMapping("/{id}/work-order")
    ResponseEntity<byte[]> workOrder(@PathVariable String id, @RequestParam(defaultValue = "pdf") String format) {
        PlanWorkOrders.Rendered rendered = workOrders.render(stored(id), format);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(rendered.contentType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(rendered.fileName()).build().toString())
                .body(rendered.body());
    }

    private PlanStore.StoredPlan stored(String id) {
        return store.get(id).orElseThrow(() -> IntentException.notFound("id",
                "no plan " + id + ", or it expired; POST the definition to /api/v1/plans again"));
    }
}
