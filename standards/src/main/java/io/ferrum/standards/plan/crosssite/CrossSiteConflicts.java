package io.ferrum.standards.plan.crosssite;

import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether a design takes anything another site holds. Sites share one database, and what one site's supernets,
 * ASN range, serials and circuits cover is that site's alone: a second site naming them would take them over or
 * fail in the database halfway through apply. The planner runs every check before it diffs, and apply runs them
 * again inside its transaction, so a plan that comes back is one apply can carry out.
 */
@Component
public class CrossSiteConflicts {

    private final List<CrossSiteCheck> checks;

    CrossSiteConflicts(List<CrossSiteCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<CrossSiteConflict> find(DesiredSite desired) {
        List<CrossSiteConflict> conflicts = new ArrayList<>();
        checks.forEach(check -> conflicts.addAll(check.find(desired)));
        return conflicts;
    }

    /** @throws CrossSiteConflictException listing every clash, when there is any */
    public void refuse(DesiredSite desired) {
        List<CrossSiteConflict> conflicts = find(desired);
        if (!conflicts.isEmpty()) {
            throw new CrossSiteConflictException(conflicts);
        }
    }
}
