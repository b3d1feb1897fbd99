package io.ferrum.standards.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every kind's planner, in dependency order; refuses to start when an {@link ObjectKind} has none, or two. */
@Component
class KindPlanners {

    private final List<KindPlanner<?, ?>> inOrder;
    private final List<KindPlanner<?, ?>> inReverse;

    KindPlanners(List<KindPlanner<?, ?>> planners) {
        this.inOrder = planners.stream().sorted(Comparator.comparing(KindPlanner::kind)).toList();
        List<KindPlanner<?, ?>> reverse = new ArrayList<>(inOrder);
        Collections.reverse(reverse);
        this.inReverse = List.copyOf(reverse);
        Set<ObjectKind> covered = inOrder.stream().map(KindPlanner::kind).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(ObjectKind.class)));
        if (covered.size() != inOrder.size() || covered.size() != ObjectKind.values().length) {
            throw new IllegalStateException("every object kind needs exactly one planner; have " + inOrder.stream()
                    .map(p -> p.kind() + "=" + p.getClass().getSimpleName()).toList());
        }
    }

    /** Creation order: a kind comes after every kind it refers to. */
    List<KindPlanner<?, ?>> inOrder() {
        return inOrder;
    }

    /** Deletion order: dependants first. */
    List<KindPlanner<?, ?>> inReverse() {
        return inReverse;
    }
}
