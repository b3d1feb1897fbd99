package io.ferrum.assurance.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.audit.AuditIntent;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The collector's pool with the real SNMP driver on loopback: devices whose agent never answers hold a pool thread
 * each until their timeout, and every other device is polled meanwhile.
 */
class CollectorPoolTest {

    /** Polls as the collector records them, by device. */
    static final class Recorded extends PollRecorder {
        final Map<String, PollOutcome> outcomes = new ConcurrentHashMap<>();

        Recorded() {
            super(null, null, null);
        }

        @Override
        void polled(PollTarget target, PollOutcome outcome, AuditIntent intent) {
            outcomes.put(target.hostname(), outcome);
        }

        @Override
        void overran(PollTarget target) {
        }
    }

    /** A fixed list of devices, no intent to audit against. */
    static final class Fixed extends SiteIntents {
        private final List<PollTarget> targets;

        Fixed(List<PollTarget> targets, CollectorProperties properties) {
            super(null, null, null, RenderedConfigs.NONE, properties);
            this.targets = targets;
        }

        @Override
        public boolean stale() {
            return false;
        }

        @Override
        public synchronized Set<String> refresh() {
            return Set.of();
        }

        @Override
        public Optional<AuditIntent> intent(String site) {
            return Optional.empty();
        }

        @Override
        public List<PollTarget> targets() {
            return targets;
        }
    }

    static CollectorProperties properties(int pool) {
        return new CollectorProperties(true, null, Duration.ofHours(1), null, null, pool, null, null, null, null,
                null, null, null, null, null, null);
    }

    static PollTarget target(String hostname, int snmpPort) {
        return new PollTarget("sim1", hostname, "leaf", "127.0.0.1", snmpPort, 1, IntStream.rangeClosed(1, 4)
                .mapToObj(i -> "Ethernet" + i).collect(java.util.stream.Collectors.toSet()), Duration.ofHours(1));
    }

    @Test
    void deadDevicesHoldOnlyTheirOwnPoolThreadsWhileEveryOtherDeviceIsPolled() throws Exception {
        List<DatagramSocket> blackHoles = new ArrayList<>();
        try (LoopbackSnmpDevices live = new LoopbackSnmpDevices()) {
            List<PollTarget> targets = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                // bound, never read: requests vanish as they would into a hung agent
                DatagramSocket hole = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                blackHoles.add(hole);
                targets.add(target("dead" + i, hole.getLocalPort()));
            }
            for (int i = 1; i <= 20; i++) {
                targets.add(target("live" + i, live.add("live" + i, "SN" + i, 4, "border01").port()));
            }
            // each dead device waits 30 s for its first answer; the live ones answer in milliseconds
            SnmpDriver snmp = new SnmpDriver(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(60)), 0);
            DevicePoller poller = new DriverPoller(snmp, new SnmpCredentials.Community(LoopbackSnmpDevices.COMMUNITY),
                    null, null, Duration.ofSeconds(5), Clock.systemUTC());
            Recorded recorded = new Recorded();
            Collector collector = new Collector(properties(4), poller, new Fixed(targets, properties(4)), recorded,
                    null, Clock.systemUTC());
            collector.start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
                while (recorded.outcomes.size() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(recorded.outcomes.keySet()).as("every live device polled while the dead ones wait")
                        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "live" + i)
                                .toList());
                for (int i = 1; i <= 3; i++) {
                    assertThat(collector.schedule().running("dead" + i)).as("dead%d still polling", i).isTrue();
                }
                assertThat(recorded.outcomes.get("live7").observation()).satisfies(o -> {
                    assertThat(o.reachable()).isTrue();
                    assertThat(o.sysName()).isEqualTo("live7");
                    assertThat(o.serial()).isEqualTo("SN7");
                    assertThat(o.interfaces()).hasSize(4).allSatisfy(p -> assertThat(p.operUp()).isTrue());
                    assertThat(o.interfaces().get(0).addresses()).containsExactly("198.18.0.1/31");
                    assertThat(o.neighbours()).hasSize(4).allSatisfy(n -> assertThat(n.remoteSysName())
                            .isEqualTo("border01"));
                });
            } finally {
                collector.stop();
            }
        } finally {
            blackHoles.forEach(DatagramSocket::close);
        }
    }

    @Test
    void aDeviceNobodyAnswersForIsUnreachableWithTheDriversReason() throws Exception {
        try (DatagramSocket hole = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            SnmpDriver snmp = new SnmpDriver(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(200),
                    Duration.ofSeconds(2)), 0);
            PollOutcome outcome = new DriverPoller(snmp, new SnmpCredentials.Community("public"), null, null,
                    Duration.ofSeconds(1), Clock.systemUTC()).poll(target("dead", hole.getLocalPort()));
            assertThat(outcome.observation().reachable()).isFalse();
            assertThat(outcome.observation().failure()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.part()).isEqualTo("snmp"));
        }
    }
}
