package io.ferrum.standards.plan.crosssite;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A design refused because it takes what other sites hold; lists every clash. {@code SitePlanning} locates each at
 * the definition's field before it reaches a person.
 */
public class CrossSiteConflictException extends RuntimeException {

    private final transient List<CrossSiteConflict> conflicts;

    public CrossSiteConflictException(List<CrossSiteConflict> conflicts) {
        super(conflicts.stream().map(CrossSiteConflict::message).collect(Collectors.joining("\n")));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<CrossSiteConflict> conflicts() {
        return conflicts;
    }
}
