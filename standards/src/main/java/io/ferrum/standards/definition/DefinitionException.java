package io.ferrum.standards.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A site definition that cannot be designed, with every problem found rather than just the first. */
public class DefinitionException extends RuntimeException {

    private final transient List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DefinitionException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
