package io.ferrum.standards.plan;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.spi.Standard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the planner compares and applies one kind of object. {@link SiteDiffer} runs one keyed diff for every kind:
 * it indexes the design and the stored objects by key, creates what is only designed, compares what is both, and
 * deletes what is only stored and owned by the standard. A kind says only what differs: where its objects come
 * from, how two of them compare, what the standard owns, and which model service writes them.
 *
 * <p>A new kind is one subclass (a Spring component) plus its constant in {@link ObjectKind}; {@link KindPlanners}
 * refuses to start when a constant has no planner.
 *
 * @param <D> the designed form: a model draft, or a spec of {@link DesiredSite}
 * @param <S> the stored entity
 */
abstract class KindPlanner<D, S extends IntentEntity> {

    /** Fields operations move on (a device's or connection's status): set on create, never reverted by a plan. */
    static final Set<String> LIFECYCLE = Set.of("status");
    static final Set<String> NONE = Set.of();
    static final String NOT_DEFINED = "no longer in the definition";
    static final String NOT_DESIGNED = "no longer in the design";

    abstract ObjectKind kind();

    /** What the design wants of this kind, in the standard's order. */
    abstract List<D> designed(DesiredSite desired);

    abstract String key(D designed);

    /**
     * The stored objects the design is compared with, by key: those the design names, plus the site's own that a
     * re-plan may delete. Iteration order is delete order. May block the plan, or skip designed keys, via {@code work}.
     */
    abstract Map<String, S> stored(PlanScope scope, List<D> designed, KindWork<D> work);

    /** The attributes a plan shows for a new object. */
    List<AttributeChange> created(D designed) {
        return RecordDiff.created((Record) designed, NONE);
    }

    /** An object both designed and stored: update, replace, block, or leave it. */
    abstract void compare(D designed, S stored, String key, KindWork<D> work, PlanScope scope);

    /** Whether a stored object the design no longer names is deleted. Only what the standard owns is. */
    boolean deletes(S stored, PlanScope scope) {
        return false;
    }

    /** Deletes a stored object the design no longer names. */
    void delete(S stored, String key, KindWork<D> work, PlanScope scope) {
        work.delete(stored.getId(), key, List.of(), NOT_DEFINED);
    }

    /** Apply: deletes stored objects by id. Kinds run in reverse dependency order, so dependants are gone first. */
    void deleteAll(List<Long> ids) {
        throw new UnsupportedOperationException(kind() + " objects are never deleted by a plan");
    }

    /** Apply: writes this kind's updates and creates. Kinds run in dependency order. */
    abstract void write(KindWork<D> work);

    /**
     * Whether apply flushes and clears the persistence session after this kind's writes: after thousands of new
     * rows, every later query's auto-flush would otherwise dirty-check them all.
     */
    boolean clearsSessionAfterWrites() {
        return false;
    }

    /** Default comparison: an update when any designed attribute differs from the stored one's. */
    static <R extends Record> void updateWhenChanged(long id, R stored, R designed, Set<String> ignored, String key,
                                                     KindWork<R> work, String reason) {
        List<AttributeChange> changed = RecordDiff.between(stored, designed, ignored);
        if (!changed.isEmpty()) {
            work.update(id, designed, key, changed, reason);
        }
    }

    static boolean owned(List<String> tags) {
        return tags != null && tags.contains(Standard.OWNERSHIP_TAG);
    }

    static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, t -> t, (a, b) -> a, LinkedHashMap::new));
    }
}
