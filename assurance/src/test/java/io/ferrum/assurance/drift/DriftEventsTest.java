package io.ferrum.assurance.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.audit.DriftType;
import io.ferrum.model.common.IntentException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The drift events' lifecycle on real PostgreSQL: open, refresh, resolve, flap, acknowledge, accept, expire. */
@SpringBootTest(properties = "ferrum.assurance.drift.expiry-check=1h")
class DriftEventsTest {

    private static final AtomicInteger DEVICES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    @Autowired
    DriftEvents events;
    private String device;

    @BeforeEach
    void freshDevice() {
        device = "leaf" + DEVICES.incrementAndGet();
    }

    private Drift miswired(String port, String observed) {
        return new Drift(DriftType.CABLING_MISWIRED, device, port, "border01:Ethernet1", observed, "cable C-1", null);
    }

    private List<DriftEvent> mine() {
        return events.find(new DriftQuery(null, device, null, null, null, 100));
    }

    @Test
    void aFindingOpensOneEventThatLaterPollsRefreshAndThatResolvesWhenTheDriftIsGone() {
        events.reconcile("ams1", device, List.of(miswired("Ethernet49", "border02:Ethernet1")), T0);
        events.reconcile("ams1", device, List.of(miswired("Ethernet49", "border02:Ethernet7")), T0.plusSeconds(60));
        assertThat(mine()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(DriftState.OPEN);
            assertThat(e.observed()).isEqualTo("border02:Ethernet7");
            assertThat(e.firstSeen()).isEqualTo(T0);
            assertThat(e.lastSeen()).isEqualTo(T0.plusSeconds(60));
            assertThat(e.occurrences()).isEqualTo(1);
        });
        events.reconcile("ams1", device, List.of(), T0.plusSeconds(120));
        DriftEvent resolved = mine().get(0);
        assertThat(resolved.state()).isEqualTo(DriftState.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(events.history(resolved.id())).extracting(DriftTransition::to, DriftTransition::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftState.OPEN, "auditor"),
                        org.assertj.core.groups.Tuple.tuple(DriftState.RESOLVED, "auditor"));
    }

    @Test
    void aLinkBouncingTenTimesIsOneEventWithACount() {
        Instant at = T0;
        for (int bounce = 0; bounce < 10; bounce++) {
            events.reconcile("ams1", device, List.of(miswired("Ethernet1", "x:y")), at);
            events.reconcile("ams1", device, List.of(), at.plusSeconds(5));
            at = at.plusSeconds(30);
        }
        assertThat(mine()).singleElement().satisfies(e -> {
            assertThat(e.occurrences()).isEqualTo(10);
            assertThat(e.state()).isEqualTo(DriftState.RESOLVED);
        });
        events.reconcile("ams1", device, List.of(miswired("Ethernet1", "x:y")), at.plus(Duration.ofHours(1)));
        assertThat(mine()).as("long after the flap window a new event opens").hasSize(2);
    }

    @Test
    void acknowledgedByWhomThenAcceptedWithAnExpiryAfterWhichItReopens() {
        events.reconcile("ams1", device, List.of(miswired("Ethernet1", "x:y")), T0);
        long id = mine().get(0).id();
        DriftEvent acknowledged = events.acknowledge(id, "olga", T0.plusSeconds(1));
        assertThat(acknowledged.state()).isEqualTo(DriftState.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("olga");
        assertThatThrownBy(() -> events.acknowledge(id, "olga", T0)).isInstanceOf(IntentException.class)
                .hasMessageContaining("only an open or reopened event");

        DriftEvent accepted = events.accept(id, "oscar", "venue maintenance", T0.plusSeconds(6), T0.plusSeconds(1));
        assertThat(accepted.state()).isEqualTo(DriftState.ACCEPTED);
        assertThat(events.expireAcceptances(T0.plusSeconds(5))).isZero();
        assertThat(events.expireAcceptances(T0.plusSeconds(6))).isEqualTo(1);
        assertThat(events.get(id).state()).isEqualTo(DriftState.REOPENED);
        assertThat(events.history(id)).extracting(DriftTransition::to, DriftTransition::actor, DriftTransition::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DriftState.OPEN, "auditor", null),
                        org.assertj.core.groups.Tuple.tuple(DriftState.ACKNOWLEDGED, "olga", null),
                        org.assertj.core.groups.Tuple.tuple(DriftState.ACCEPTED, "oscar", "venue maintenance"),
                        org.assertj.core.groups.Tuple.tuple(DriftState.REOPENED, "system", "the acceptance expired"));
    }

    @Test
    void anAcceptanceNeedsAReasonAndAFutureExpiry() {
        events.reconcile("ams1", device, List.of(miswired("Ethernet1", "x:y")), T0);
        long id = mine().get(0).id();
        assertThatThrownBy(() -> events.accept(id, "oscar", " ", T0.plusSeconds(60), T0))
                .isInstanceOf(IntentException.class).hasMessageContaining("why");
        assertThatThrownBy(() -> events.accept(id, "oscar", "ok", T0.minusSeconds(1), T0))
                .isInstanceOf(IntentException.class).hasMessageContaining("future");
        assertThat(events.get(id).state()).isEqualTo(DriftState.OPEN);
    }

    @Test
    void aDriftOfAnotherKindOnTheSamePortIsItsOwnEvent() {
        Drift down = new Drift(DriftType.PORT_STATE, device, "Ethernet1", "up", "admin up, oper down", "cable C-1",
                null);
        events.reconcile("ams1", device, List.of(miswired("Ethernet1", "x:y"), down), T0);
        assertThat(mine()).extracting(DriftEvent::type).containsExactlyInAnyOrder(DriftType.CABLING_MISWIRED,
                DriftType.PORT_STATE);
        events.reconcile("ams1", device, List.of(down), T0.plusSeconds(10));
        assertThat(events.find(new DriftQuery(null, device, null, DriftState.OPEN, null, 10)))
                .extracting(DriftEvent::type).containsExactly(DriftType.PORT_STATE);
    }
}
