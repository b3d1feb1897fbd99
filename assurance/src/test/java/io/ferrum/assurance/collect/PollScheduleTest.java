package io.ferrum.assurance.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The collector's schedule with literal times: intervals, overruns, trap re-polls and their debounce. */
class PollScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private static PollTarget device(String name, Duration interval) {
        return new PollTarget("ams1", name, "leaf", "198.18.0.1", Set.of("Ethernet1"), interval);
    }

    private static List<String> names(List<PollTarget> targets) {
        return targets.stream().map(PollTarget::hostname).sorted().toList();
    }

    @Test
    void newDevicesAreDueAtOnceThenEveryInterval() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("leaf01", Duration.ofSeconds(60)), device("border01", Duration.ofSeconds(15))),
                T0);
        assertThat(names(schedule.takeDue(T0).start())).containsExactly("border01", "leaf01");
        schedule.finished("leaf01");
        schedule.finished("border01");
        assertThat(schedule.takeDue(T0.plusSeconds(14)).start()).isEmpty();
        assertThat(names(schedule.takeDue(T0.plusSeconds(15)).start())).containsExactly("border01");
        schedule.finished("border01");
        assertThat(names(schedule.takeDue(T0.plusSeconds(60)).start())).containsExactly("border01", "leaf01");
    }

    @Test
    void aPollStillRunningWhenItsNextTurnComesIsAnOverrunNotASecondPoll() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("slow", Duration.ofSeconds(10))), T0);
        assertThat(schedule.takeDue(T0).start()).hasSize(1);
        PollSchedule.Due due = schedule.takeDue(T0.plusSeconds(10));
        assertThat(due.start()).isEmpty();
        assertThat(names(due.overran())).containsExactly("slow");
        schedule.finished("slow");
        assertThat(schedule.takeDue(T0.plusSeconds(15)).start()).as("the missed turn is not made up").isEmpty();
        assertThat(names(schedule.takeDue(T0.plusSeconds(20)).start())).containsExactly("slow");
    }

    @Test
    void farBehindTheRhythmRestartsFromNowInsteadOfCatchingUp() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("leaf01", Duration.ofSeconds(60))), T0);
        schedule.takeDue(T0);
        schedule.finished("leaf01");
        assertThat(schedule.takeDue(T0.plus(Duration.ofHours(1))).start()).hasSize(1);
        assertThat(schedule.nextDue("leaf01")).isEqualTo(T0.plus(Duration.ofHours(1)).plusSeconds(60));
    }

    @Test
    void trapsWithinTheDebounceJoinOnePoll() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("leaf01", Duration.ofSeconds(60))), T0);
        schedule.takeDue(T0);
        schedule.finished("leaf01");
        // three traps in one second, each asking for a poll 2 s after it: one poll, 2 s after the first
        assertThat(schedule.pollBy("leaf01", T0.plusSeconds(12))).isTrue();
        schedule.pollBy("leaf01", T0.plusMillis(10_500 + 2_000));
        schedule.pollBy("leaf01", T0.plusSeconds(11 + 2));
        assertThat(schedule.takeDue(T0.plusSeconds(11)).start()).isEmpty();
        assertThat(names(schedule.takeDue(T0.plusSeconds(12)).start())).containsExactly("leaf01");
        schedule.finished("leaf01");
        assertThat(schedule.takeDue(T0.plusSeconds(13)).start()).as("the later traps joined that poll").isEmpty();
        assertThat(schedule.nextDue("leaf01")).isEqualTo(T0.plusSeconds(72));
    }

    @Test
    void aTrapDuringAPollGetsAPollRightAfterIt() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("leaf01", Duration.ofSeconds(60))), T0);
        schedule.takeDue(T0);
        schedule.pollBy("leaf01", T0.plusSeconds(3));
        assertThat(schedule.takeDue(T0.plusSeconds(3)).start()).as("not twice at once").isEmpty();
        schedule.finished("leaf01");
        assertThat(names(schedule.takeDue(T0.plusSeconds(4)).start())).containsExactly("leaf01");
    }

    @Test
    void unknownDevicesAreNotPolledAndGoneOnesAreForgotten() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("leaf01", Duration.ofSeconds(60)), device("leaf02", Duration.ofSeconds(60))),
                T0);
        assertThat(schedule.pollBy("nobody", T0)).isFalse();
        schedule.update(List.of(device("leaf02", Duration.ofSeconds(60))), T0);
        assertThat(names(schedule.takeDue(T0).start())).containsExactly("leaf02");
        assertThat(schedule.size()).isEqualTo(1);
    }

    @Test
    void aShorterIntervalTakesEffectAtOnce() {
        PollSchedule schedule = new PollSchedule();
        schedule.update(List.of(device("leaf01", Duration.ofMinutes(10))), T0);
        schedule.takeDue(T0);
        schedule.finished("leaf01");
        schedule.update(List.of(device("leaf01", Duration.ofSeconds(30))), T0.plusSeconds(5));
        assertThat(schedule.nextDue("leaf01")).isEqualTo(T0.plusSeconds(35));
    }

    @Test
    void intervalsComeFromTheSiteOrRoleTheShorterWinning() {
        CollectorProperties properties = new CollectorProperties(null, null, Duration.ofSeconds(60),
                java.util.Map.of("ams1", Duration.ofSeconds(30)), java.util.Map.of("border", Duration.ofSeconds(15),
                "leaf", Duration.ofSeconds(45)), null, null, null, null, null, null, null, null, null, null, null);
        assertThat(properties.intervalFor("ams1", "border")).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.intervalFor("ams1", "leaf")).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.intervalFor("lon1", "leaf")).isEqualTo(Duration.ofSeconds(45));
        assertThat(properties.intervalFor("lon1", "mgmt-switch")).isEqualTo(Duration.ofSeconds(60));
    }
}
