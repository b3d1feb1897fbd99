package io.ferrum.provisioning.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's rules with devices kept in memory (the lab tests show the same on real daemons): the second channel
 * where the first fails, verification, the venue call made alongside, the journal, a restart that takes the
 * engagement up again, and the staged release.
 */
class KillSwitchTest {

    @TempDir
    Path dir;

    /** Ports per device, admin state in memory; a channel that can be told to fail for a device. */
    static final class Devices {
        final Map<String, Boolean> up = new ConcurrentHashMap<>();
        final List<String> writes = new CopyOnWriteArrayList<>();

        PortChannel channel(String name, Set<String> failingDevices) {
            return new PortChannel() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public void set(String device, String address, List<String> ports, boolean on) {
                    if (failingDevices.contains(device)) {
                        throw new DriverException(FailureReason.UNREACHABLE, device, name + " cannot reach " + address);
                    }
                    writes.add(name + " " + device + " " + ports + " " + (on ? "up" : "down"));
                    ports.forEach(p -> up.put(device + ":" + p, on));
                }
            };
        }

        LinkReader reader() {
            return new LinkReader() {
                @Override
                public String name() {
                    return "memory";
                }

                @Override
                public Map<String, Boolean> operUp(String device, String address, Collection<String> ports) {
                    Map<String, Boolean> states = new ConcurrentHashMap<>();
                    ports.forEach(p -> states.put(p, up.getOrDefault(device + ":" + p, true)));
                    return states;
                }
            };
        }
    }

    private static final KillPlan PLAN = new KillPlan(7, Instant.parse("2026-12-03T10:00:00Z"), List.of(
            new KillLink("XAMS-1", "XAMS", "xams", "ams1", "border01", "198.18.0.1", "Ethernet3/1"),
            new KillLink("XAMS-2", "XAMS", "xams", "ams1", "border02", "198.18.0.2", "Ethernet3/1"),
            new KillLink("XAMS-3", "XAMS", "xams", "ams1", "border01", "198.18.0.1", "Ethernet3/2"),
            new KillLink("XLON-1", "XLON", "xlon", "ams1", "border02", "198.18.0.2", "Ethernet3/9")));

    private KillSwitch killSwitch(Devices devices, Map<String, VenueKill> venues) {
        KillSwitch.Settings settings = new KillSwitch.Settings(Duration.ofSeconds(1), Duration.ofMillis(5), 1,
                Duration.ZERO);
        return new KillSwitch(() -> Optional.of(PLAN), List.of(devices.channel("shell", Set.of("border02")),
                devices.channel("snmp", Set.of())), List.of(devices.reader()), new KillJournal(dir), settings,
                e -> { }, "node-a", venues);
    }

    @Test
    void engageUsesTheSecondChannelWhereTheFirstFailsCallsTheVenueAndARestartStaysEngaged() throws Exception {
        List<String> venueBodies = new CopyOnWriteArrayList<>();
        HttpServer venue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        venue.createContext("/kill", exchange -> {
            venueBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        venue.start();
        Devices devices = new Devices();
        try (KillSwitch killSwitch = killSwitch(devices, Map.of("XAMS", new HttpVenueKill(URI.create(
                "http://127.0.0.1:" + venue.getAddress().getPort() + "/kill"), Duration.ofSeconds(2))))) {
            Engagement engaged = killSwitch.engage(new KillScope(KillScope.Kind.EXCHANGE, "XAMS"), "algo 7", "op1",
                    false);

            assertThat(engaged.state()).isEqualTo("engaged");
            assertThat(engaged.links()).hasSize(3).allSatisfy(l -> assertThat(l.state())
                    .isEqualTo(LinkState.DOWN_VERIFIED));
            assertThat(engaged.links()).filteredOn(l -> l.device().equals("border02")).extracting(LinkResult::channel)
                    .containsExactly("snmp");
            assertThat(engaged.links()).filteredOn(l -> l.device().equals("border01")).extracting(LinkResult::channel)
                    .containsOnly("shell");
            assertThat(devices.writes).filteredOn(w -> w.contains("border01")).hasSize(1); // one write per device
            assertThat(devices.up).doesNotContainKey("border02:Ethernet3/9"); // XLON untouched
            assertThat(engaged.venueCalls()).singleElement().satisfies(c -> {
                assertThat(c.exchange()).isEqualTo("XAMS");
                assertThat(c.ok()).isTrue();
            });
            assertThat(venueBodies).singleElement().asString().contains("\"exchange\":\"XAMS\"", "algo 7", "op1");
        } finally {
            venue.stop(0);
        }
        List<String> kinds = new KillJournal(dir).read().stream().map(JournalRecord::kind).toList();
        assertThat(kinds).containsExactly("engage-started", "link", "link", "link", "venue-call", "engage-finished");

        // a restart: the journal says engaged, so a new engine is engaged too, holding the same links
        try (KillSwitch restarted = killSwitch(devices, Map.of())) {
            restarted.restore(new KillJournal(dir).read());
            assertThat(restarted.status().state()).isEqualTo("engaged");
            assertThat(restarted.status().scopes()).containsExactly("exchange XAMS");
            assertThat(restarted.status().links()).hasSize(3);

            Engagement released = restarted.release("op1", "op2");
            assertThat(released.state()).isEqualTo("released");
            assertThat(released.links()).allSatisfy(l -> assertThat(l.state()).isEqualTo(LinkState.UP_VERIFIED));
            // stages of one link each: three writes up
            assertThat(devices.writes).filteredOn(w -> w.endsWith(" up")).hasSize(3);
        }
        try (KillSwitch again = killSwitch(devices, Map.of())) {
            again.restore(new KillJournal(dir).read());
            assertThat(again.status().state()).isEqualTo("released");
        }
    }

    @Test
    void aDeviceNoChannelReachesIsFailedWithItsReasonAndAFailedVenueCallIsReported() {
        Devices devices = new Devices();
        KillSwitch.Settings settings = new KillSwitch.Settings(Duration.ofMillis(200), Duration.ofMillis(5), 10,
                Duration.ZERO);
        VenueKill broken = new CommandVenueKill(List.of("false"), Duration.ofSeconds(2));
        try (KillSwitch killSwitch = new KillSwitch(() -> Optional.of(PLAN), List.of(devices.channel("shell",
                Set.of("border02")), devices.channel("snmp", Set.of("border02"))), List.of(devices.reader()),
                new KillJournal(dir), settings, e -> { }, "node-a", Map.of("XLON", broken))) {
            Engagement engaged = killSwitch.engage(KillScope.all(), "everything", "op1", false);
            assertThat(engaged.links()).filteredOn(l -> l.device().equals("border02")).allSatisfy(l -> {
                assertThat(l.state()).isEqualTo(LinkState.FAILED);
                assertThat(l.reason()).isEqualTo("UNREACHABLE");
                assertThat(l.detail()).contains("snmp cannot reach 198.18.0.2");
            });
            assertThat(engaged.counts()).containsEntry("down-verified", 2).containsEntry("failed", 2);
            assertThat(engaged.allDownMillis()).isNull();
            assertThat(engaged.venueCalls()).singleElement().satisfies(c -> {
                assertThat(c.ok()).isFalse();
                assertThat(c.error()).contains("exited 1");
            });
        }
    }
}
