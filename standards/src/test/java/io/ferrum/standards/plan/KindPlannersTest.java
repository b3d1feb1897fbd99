package io.ferrum.standards.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry of kind planners: one per kind, in dependency order, and nothing starts with a kind missing. */
class KindPlannersTest {

    /** A planner that only names its kind: enough for the registry. */
    private static KindPlanner<SiteDraft, Site> plannerOf(ObjectKind kind) {
        return new KindPlanner<>() {
            @Override
            ObjectKind kind() {
                return kind;
            }

            @Override
            List<SiteDraft> designed(DesiredSite desired) {
                return List.of();
            }

            @Override
            String key(SiteDraft designed) {
                return designed.code();
            }

            @Override
            Map<String, Site> stored(PlanScope scope, List<SiteDraft> designed, KindWork<SiteDraft> work) {
                return Map.of();
            }

            @Override
            void compare(SiteDraft designed, Site stored, String key, KindWork<SiteDraft> work, PlanScope scope) {
            }

            @Override
            void write(KindWork<SiteDraft> work) {
            }
        };
    }

    @Test
    void ordersPlannersByDependencyWhateverOrderSpringGivesThem() {
        List<KindPlanner<?, ?>> shuffled = new ArrayList<>(Arrays.stream(ObjectKind.values())
                .map(KindPlannersTest::plannerOf).<KindPlanner<?, ?>>map(p -> p).toList());
        Collections.reverse(shuffled);
        KindPlanners planners = new KindPlanners(shuffled);
        assertThat(planners.inOrder()).extracting(KindPlanner::kind).containsExactly(ObjectKind.values());
        assertThat(planners.inReverse()).extracting(KindPlanner::kind).first().isEqualTo(ObjectKind.EXCHANGE_CONNECTION);
    }

    @Test
    void refusesToStartWhenAKindHasNoPlannerOrTwo() {
        List<KindPlanner<?, ?>> missing = Arrays.stream(ObjectKind.values()).filter(k -> k != ObjectKind.CABLE)
                .map(KindPlannersTest::plannerOf).<KindPlanner<?, ?>>map(p -> p).toList();
        assertThatThrownBy(() -> new KindPlanners(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one planner");
        List<KindPlanner<?, ?>> twice = new ArrayList<>(Arrays.stream(ObjectKind.values())
                .map(KindPlannersTest::plannerOf).<KindPlanner<?, ?>>map(p -> p).toList());
        twice.set(0, plannerOf(ObjectKind.SITE));
        assertThatThrownBy(() -> new KindPlanners(twice)).isInstanceOf(IllegalStateException.class);
    }
}
