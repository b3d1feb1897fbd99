package io.ferrum.standards.plan;

import io.ferrum.model.common.FieldProblem;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.TransactionLocks;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.CrossSiteConflicts;
import io.ferrum.standards.policy.PolicyChecks;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a site's plan in one transaction, through the model's own services so every model rule holds. The site is
 * locked while it is planned again inside the transaction; if that plan's id differs from the one the caller
 * reviewed, nothing is written. Each kind deletes in reverse dependency order, then writes in dependency order.
 * {@link PlanApplied} is published inside the transaction, so listeners that wait for the commit hear only of
 * applies that happened.
 */
@Service
public class PlanApplier {

    private final SiteDiffer differ;
    private final PolicyChecks policy;
    private final EntityManager entityManager;
    private final TransactionLocks locks;
    private final KindPlanners kinds;
    private final ApplicationEventPublisher events;
    private final CrossSiteConflicts crossSite;

    PlanApplier(SiteDiffer differ, PolicyChecks policy, EntityManager entityManager, TransactionLocks locks,
                KindPlanners kinds, ApplicationEventPublisher events, CrossSiteConflicts crossSite) {
        this.differ = differ;
        this.policy = policy;
        this.crossSite = crossSite;
        this.entityManager = entityManager;
        this.locks = locks;
        this.kinds = kinds;
        this.events = events;
    }

    /**
     * @param expectedPlanId the id of the plan the caller reviewed, or null to apply whatever the plan is now
     *                       (the CLI's --auto-approve)
     * @return the plan that was applied
     * @throws io.ferrum.standards.plan.crosssite.CrossSiteConflictException when the design takes what another
     *                                                                       site holds (since it was planned)
     */
    @Transactional
    public Plan apply(DesiredSite desired, PlanOptions options, String expectedPlanId) {
        locks.lock("site:" + desired.site().code());
        crossSite.refuse(desired);
        SiteDiff diff = differ.diff(desired, options);
        Plan plan = Planner.planOf(diff, policy.run(desired));
        if (expectedPlanId != null && !expectedPlanId.equals(plan.id())) {
            throw new IntentException(IntentException.Reason.STALE, List.of(new FieldProblem("planId",
                    "the intent of site " + desired.site().code() + " changed since plan " + expectedPlanId
                            + " was made; plan again and review the new plan " + plan.id())));
        }
        if (!plan.applicable()) {
            List<FieldProblem> problems = new ArrayList<>();
            plan.violations().forEach(v -> problems.add(new FieldProblem("policy." + v.check(), v.object() + ": " + v.message())));
            plan.blockers().forEach(b -> problems.add(new FieldProblem("plan", b)));
            throw new IntentException(IntentException.Reason.INVALID, problems);
        }
        if (plan.hasChanges()) {
            kinds.inReverse().forEach(kind -> delete(kind, diff));
            // Hibernate would insert before it deletes; replacements reuse names, so the deletes must reach the
            // database first.
            entityManager.flush();
            kinds.inOrder().forEach(kind -> write(kind, diff));
            entityManager.flush();
            events.publishEvent(new PlanApplied(plan.site(), plan.id(), plan.changes()));
        }
        return plan;
    }

    private <D> void delete(KindPlanner<D, ?> kind, SiteDiff diff) {
        KindWork<D> work = diff.work(kind);
        if (!work.deletes.isEmpty()) {
            kind.deleteAll(work.deletes);
            // a kind's rows must be gone before the kinds they refer to are deleted
            entityManager.flush();
        }
    }

    private <D> void write(KindPlanner<D, ?> kind, SiteDiff diff) {
        KindWork<D> work = diff.work(kind);
        if (work.hasWrites()) {
            kind.write(work);
            if (kind.clearsSessionAfterWrites()) {
                entityManager.flush();
                entityManager.clear();
            }
        }
    }
}
