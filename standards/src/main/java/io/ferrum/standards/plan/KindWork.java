package io.ferrum.standards.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the diff decided for one kind: the writes apply will make, typed by the kind's designed form, while each
 * decision also records the {@link Change} the plan shows. A replacement is a delete plus a create.
 *
 * @param <D> the kind's designed form (a draft or a spec of {@link io.ferrum.standards.desired.DesiredSite})
 */
final class KindWork<D> {

    /** A stored object to change into {@code design}. */
    record Update<D>(long id, D design) {
    }

    final List<D> creates = new ArrayList<>();
    final List<Update<D>> updates = new ArrayList<>();
    final List<Long> deletes = new ArrayList<>();
    private final ObjectKind kind;
    private final SiteDiff diff;
    private final Set<String> skipped = new HashSet<>();

    KindWork(ObjectKind kind, SiteDiff diff) {
        this.kind = kind;
        this.diff = diff;
    }

    void create(D design, String key, List<AttributeChange> attributes) {
        creates.add(design);
        diff.change(ChangeAction.CREATE, kind, key, attributes, null);
    }

    void update(long id, D design, String key, List<AttributeChange> changed, String reason) {
        updates.add(new Update<>(id, design));
        diff.change(ChangeAction.UPDATE, kind, key, changed, reason);
    }

    void replace(long id, D design, String key, List<AttributeChange> changed, String reason) {
        deletes.add(id);
        creates.add(design);
        diff.change(ChangeAction.REPLACE, kind, key, changed, reason);
    }

    void delete(long id, String key, List<AttributeChange> attributes, String reason) {
        deletes.add(id);
        diff.change(ChangeAction.DELETE, kind, key, attributes, reason);
    }

    /** Refuses the whole plan for {@code reason}; apply is blocked until it is resolved. */
    void block(String reason) {
        diff.blockers.add(reason);
    }

    /** Leaves a designed object out of this plan (a blocker says why). */
    void skip(String key) {
        skipped.add(key);
    }

    boolean skips(String key) {
        return skipped.contains(key);
    }

    boolean hasWrites() {
        return !creates.isEmpty() || !updates.isEmpty();
    }
}
