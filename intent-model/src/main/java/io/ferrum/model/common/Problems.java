package io.ferrum.model.common;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one input before refusing it, so the caller sees all of them at once. */
public final class Problems {

    private final List<FieldProblem> problems = new ArrayList<>();

    public Problems add(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
        return this;
    }

    public Problems check(boolean ok, String field, String reason) {
        if (!ok) {
            add(field, reason);
        }
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IntentException(IntentException.Reason.INVALID, problems);
        }
    }
}
