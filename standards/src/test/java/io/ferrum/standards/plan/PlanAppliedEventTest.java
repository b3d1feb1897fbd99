package io.ferrum.standards.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.common.IntentException;
import io.ferrum.standards.fixtures.FreshSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Other modules hear of an apply only once it is committed, with the changes it made and their typed kinds. */
@SpringBootTest
class PlanAppliedEventTest {

    @Autowired
    SitePlanning planning;
    @Autowired
    PlanAppliedRecorder listener;

    @BeforeEach
    void forget() {
        listener.heard.clear();
    }

    @Test
    void aCommittedApplyIsPublishedOnceWithItsTypedChanges() {
        FreshSites.FreshSite site = FreshSites.freshSmallSite("colo-pod@1");
        Plan plan = planning.apply("small.yaml", site.definition(), PlanOptions.defaults(), null);

        assertThat(listener.heard).singleElement().satisfies(event -> {
            assertThat(event.site()).isEqualTo(site.code());
            assertThat(event.planId()).isEqualTo(plan.id());
            assertThat(event.changes()).isEqualTo(plan.changes());
            assertThat(event.changes()).anyMatch(c -> c.kind() == ObjectKind.DEVICE)
                    .anyMatch(c -> c.kind() == ObjectKind.EXCHANGE_CONNECTION);
        });

        planning.apply("small.yaml", site.definition(), PlanOptions.defaults(), null);
        assertThat(listener.heard).as("a no-op apply changes nothing and tells nobody").hasSize(1);
    }

    @Test
    void aRefusedApplyIsNeverPublished() {
        FreshSites.FreshSite site = FreshSites.freshSmallSite("colo-pod@1");
        assertThatThrownBy(() -> planning.apply("small.yaml", site.definition(), PlanOptions.defaults(), "stale-id"))
                .isInstanceOf(IntentException.class);
        assertThat(listener.heard).isEmpty();
    }
}
