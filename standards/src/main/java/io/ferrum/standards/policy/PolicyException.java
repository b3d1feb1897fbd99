package io.ferrum.standards.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A design that failed policy checks; apply must not go ahead. The message has one violation per line. */
public class PolicyException extends RuntimeException {

    private final transient List<PolicyViolation> violations;

    public PolicyException(List<PolicyViolation> violations) {
        super(violations.size() + " policy violation(s) block apply:\n" + violations.stream()
                .map(PolicyViolation::toString).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<PolicyViolation> violations() {
        return violations;
    }
}
