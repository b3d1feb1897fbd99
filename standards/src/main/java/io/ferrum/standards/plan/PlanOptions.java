package io.ferrum.standards.plan;

/**
 * @param allowDestroyActive allow apply to delete or replace devices that are staged or active (in production);
 *                           without it such a plan is blocked
 */
public record PlanOptions(boolean allowDestroyActive) {

    public static PlanOptions defaults() {
        return new PlanOptions(false);
    }
}
