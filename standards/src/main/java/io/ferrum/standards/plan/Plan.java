package io.ferrum.standards.plan;

import io.ferrum.standards.policy.PolicyViolation;
import java.util.List;

/**
 * The difference between a standard's design and the stored intent, per object and attribute. {@code id} is a
 * hash of the changes: applying a plan id succeeds only while the same changes are still what apply would do, so
 * what was reviewed is what gets applied.
 *
 * @param blockers reasons apply is refused beyond policy (e.g. deleting a device in production without the flag)
 */
public record Plan(String id, String site, String standard, List<Change> changes, List<String> notes,
                   List<PolicyViolation> violations, List<String> blockers) {

    public Plan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        violations = List.copyOf(violations);
        blockers = List.copyOf(blockers);
    }

    /** The same plan with one more note for the reviewer (notes are not part of the plan id). */
    public Plan withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Plan(id, site, standard, changes, more, violations, blockers);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** Apply is allowed: no policy violation and no blocker. */
    public boolean applicable() {
        return violations.isEmpty() && blockers.isEmpty();
    }

    public long count(ChangeAction action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
