package io.ferrum.standards.plan;

import io.ferrum.standards.policy.PolicyViolation;

/** Renders a plan as text in the shape terraform users read every day. */
public final class PlanText {

    private PlanText() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan ").append(plan.id()).append(" for site ").append(plan.site()).append(" (standard ")
                .append(plan.standard()).append(")\n\n");
        if (!plan.hasChanges()) {
            out.append("No changes. The stored intent matches the standard's design.\n");
        }
        for (Change change : plan.changes()) {
            out.append("  ").append(change.action().symbol()).append(' ').append(change.objectType()).append(' ')
                    .append(change.key());
            if (change.reason() != null) {
                out.append("  (").append(change.reason()).append(')');
            }
            out.append('\n');
            for (AttributeChange attribute : change.attributes()) {
                out.append("      ").append(attribute.name()).append(": ");
                if (change.action() == ChangeAction.CREATE) {
                    out.append(attribute.after());
                } else {
                    out.append(quote(attribute.before())).append(" -> ").append(quote(attribute.after()));
                }
                out.append('\n');
            }
        }
        if (!plan.notes().isEmpty()) {
            out.append("\nNotes from the standard:\n");
            plan.notes().forEach(n -> out.append("  * ").append(n).append('\n'));
        }
        if (!plan.violations().isEmpty()) {
            out.append("\nPolicy violations (apply is blocked):\n");
            for (PolicyViolation v : plan.violations()) {
                out.append("  ! ").append(v.check()).append(": ").append(v.object()).append(": ").append(v.message())
                        .append('\n');
            }
        }
        if (!plan.blockers().isEmpty()) {
            out.append("\nBlocked:\n");
            plan.blockers().forEach(b -> out.append("  ! ").append(b).append('\n'));
        }
        if (plan.hasChanges()) {
            out.append("\nPlan: ").append(plan.count(ChangeAction.CREATE)).append(" to add, ")
                    .append(plan.count(ChangeAction.UPDATE)).append(" to change, ")
                    .append(plan.count(ChangeAction.REPLACE)).append(" to replace, ")
                    .append(plan.count(ChangeAction.DELETE)).append(" to destroy.\n");
        }
        return out.toString();
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
