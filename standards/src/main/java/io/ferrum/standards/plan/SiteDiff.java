package io.ferrum.standards.plan;

import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The work apply has to do for one site, per kind, plus the human-readable changes it came from and the reasons
 * apply is blocked. Built by {@link SiteDiffer}.
 */
final class SiteDiff {

    final DesiredSite desired;
    final List<Change> changes = new ArrayList<>();
    final List<String> blockers = new ArrayList<>();
    private final Map<ObjectKind, KindWork<?>> work = new EnumMap<>(ObjectKind.class);

    SiteDiff(DesiredSite desired) {
        this.desired = desired;
    }

    /** The work of one kind, typed by its planner's designed form. */
    @SuppressWarnings("unchecked")
    <D> KindWork<D> work(KindPlanner<D, ?> planner) {
        return (KindWork<D>) work.computeIfAbsent(planner.kind(), kind -> new KindWork<D>(kind, this));
    }

    void change(ChangeAction action, ObjectKind kind, String key, List<AttributeChange> attributes, String reason) {
        changes.add(new Change(action, kind, key, attributes, reason));
    }
}
