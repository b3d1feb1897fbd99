package io.ferrum.standards.plan;

import java.util.List;

/**
 * A plan was applied to a site: published inside the apply transaction, so listeners that run after the commit
 * ({@code @TransactionalEventListener}) see only applies that were stored. Provisioning re-renders the configs of
 * changed devices, assurance re-audits, the kill switch refreshes its kill plan.
 *
 * @param changes what the apply created, changed, replaced or deleted, each with its typed kind
 */
public record PlanApplied(String site, String planId, List<Change> changes) {

    public PlanApplied {
        changes = List.copyOf(changes);
    }
}
