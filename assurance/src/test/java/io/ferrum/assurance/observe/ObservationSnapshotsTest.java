package io.ferrum.assurance.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.driver.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Observed snapshots on real PostgreSQL keep changes only: an identical poll moves last-seen, a change adds one. */
@SpringBootTest
class ObservationSnapshotsTest {

    private static final AtomicInteger DEVICES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    @Autowired
    ObservationSnapshots snapshots;
    private String device;

    @BeforeEach
    void freshDevice() {
        device = "snap-leaf" + DEVICES.incrementAndGet();
    }

    private DeviceObservation seen(Instant at, boolean ethernet1Up, String config) {
        return new DeviceObservation(device, at, null, device, "SN1", "1.0.0", config,
                List.of(new InterfaceObservation("Ethernet1", true, ethernet1Up, List.of("198.18.1.1/31")),
                        new InterfaceObservation("Ethernet2", true, true, List.of())),
                List.of(new NeighbourObservation("Ethernet1", "border01", "Ethernet3")));
    }

    @Test
    void anIdenticalPollOnlyMovesLastSeen() {
        assertThat(snapshots.record("ams1", seen(T0, true, "hostname = x\n"))).isTrue();
        assertThat(snapshots.record("ams1", seen(T0.plusSeconds(60), true, "hostname = x\n"))).isFalse();
        assertThat(snapshots.record("ams1", seen(T0.plusSeconds(120), true, "hostname = x\n"))).isFalse();
        assertThat(snapshots.history(device, 10)).singleElement().satisfies(s -> {
            assertThat(s.firstSeen()).isEqualTo(T0);
            assertThat(s.lastSeen()).isEqualTo(T0.plusSeconds(120));
            assertThat(s.observation()).isEqualTo(seen(T0, true, "hostname = x\n"));
        });
    }

    @Test
    void anyChangeStartsANewSnapshotAndGoingBackIsAChangeToo() {
        snapshots.record("ams1", seen(T0, true, "hostname = x\n"));
        assertThat(snapshots.record("ams1", seen(T0.plusSeconds(60), false, "hostname = x\n"))).isTrue();
        assertThat(snapshots.record("ams1", seen(T0.plusSeconds(120), false, "hostname = y\n"))).isTrue();
        assertThat(snapshots.record("ams1", seen(T0.plusSeconds(180), true, "hostname = x\n"))).isTrue();
        assertThat(snapshots.record("ams1", DeviceObservation.unreachable(device, T0.plusSeconds(240),
                FailureReason.TIMEOUT))).isTrue();
        assertThat(snapshots.history(device, 10)).hasSize(5);
        assertThat(snapshots.latest(device).orElseThrow().observation().failure()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void retentionDeletesOldSnapshotsButNeverADevicesLatest() {
        snapshots.record("ams1", seen(T0, true, "a\n"));
        snapshots.record("ams1", seen(T0.plusSeconds(60), true, "b\n"));
        snapshots.record("ams1", seen(T0.plusSeconds(120), true, "c\n"));
        snapshots.prune(T0.plus(Duration.ofDays(365)));
        assertThat(snapshots.history(device, 10)).singleElement()
                .satisfies(s -> assertThat(s.observation().runningConfig()).isEqualTo("c\n"));
    }

    @Test
    void theContentFingerprintIgnoresWhenThePollRan() {
        assertThat(ObservationJson.content(seen(T0, true, "x"))).isEqualTo(ObservationJson.content(
                seen(T0.plusSeconds(3600), true, "x")));
        assertThat(ObservationJson.content(seen(T0, true, "x"))).isNotEqualTo(ObservationJson.content(
                seen(T0, false, "x")));
    }
}
