package io.ferrum.assurance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.model.exchange.ConnectionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intent and observation side by side, on the auditor's literal pod: rows, their order, and the drift they carry. */
class DeviceComparisonTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String CONFIG = "hostname border01\ninterface Ethernet1\n  description leaf01:Ethernet49\n";

    private static DeviceObservation border(String serial, List<NeighbourObservation> lldp) {
        return new DeviceObservation("border01", NOW, null, "border01", serial, "4.30.1F", CONFIG + "\n",
                List.of(new InterfaceObservation("Ethernet10", false, false, null),
                        new InterfaceObservation("Ethernet1", true, true, null),
                        new InterfaceObservation("Ethernet2", true, true, null),
                        new InterfaceObservation("Ethernet3", false, false, null),
                        new InterfaceObservation("Ethernet4", true, true, null),
                        new InterfaceObservation("Management1", true, true, List.of("198.18.0.1/24"))), lldp);
    }

    private static AuditIntent intent(ConnectionStatus exchange) {
        return AuditIntent.of(PodIntent.site(exchange), Map.of("border01", new DesiredDeviceState(CONFIG, "4.30.1F")));
    }

    @Test
    void aDeviceAsIntendedShowsEveryRowWithoutDriftAndPortsInNaturalOrder() {
        DeviceComparison comparison = DeviceComparison.of(intent(ConnectionStatus.ACTIVE), border("SN-B1", List.of(
                new NeighbourObservation("Ethernet1", "leaf01", "Ethernet49"),
                new NeighbourObservation("Ethernet2", "leaf02", "Ethernet49"),
                new NeighbourObservation("Ethernet4", "xams-venue", "port7")))).orElseThrow();

        assertThat(comparison.drift()).isEmpty();
        assertThat(comparison.device()).extracting(DeviceComparison.Row::attribute).containsExactly("hostname",
                "serial", "firmware", "running config", "management address", "reachable");
        assertThat(comparison.device()).allSatisfy(r -> assertThat(r.drift()).as(r.attribute()).isEmpty());
        assertThat(comparison.device().get(1)).isEqualTo(new DeviceComparison.Row("serial", "SN-B1", "SN-B1",
                List.of()));
        List<String> ports = comparison.ports().stream().map(DeviceComparison.PortRow::port).toList();
        assertThat(ports.indexOf("Ethernet2")).isLessThan(ports.indexOf("Ethernet10"));
        DeviceComparison.PortRow uplink = comparison.ports().stream().filter(p -> p.port().equals("Ethernet1"))
                .findFirst().orElseThrow();
        assertThat(uplink.cable()).isEqualTo("C-1");
        assertThat(uplink.intendedFarEnd()).isEqualTo("leaf01:Ethernet49");
        assertThat(uplink.observedFarEnd()).isEqualTo("leaf01:Ethernet49");
        assertThat(uplink.intendedState()).isEqualTo("up");
        assertThat(uplink.observedState()).isEqualTo("admin up, oper up");
    }

    @Test
    void rowsCarryTheAuditorsDriftAndAKilledHandOffIsIntendedDown() {
        DeviceComparison comparison = DeviceComparison.of(intent(ConnectionStatus.KILLED), border("SN-OTHER", List.of(
                new NeighbourObservation("Ethernet1", "leaf02", "Ethernet49"),
                new NeighbourObservation("Ethernet2", "leaf01", "Ethernet49"),
                new NeighbourObservation("Ethernet4", "xams-venue", "port7")))).orElseThrow();

        assertThat(comparison.device().get(1).drift()).containsExactly("serial");
        assertThat(comparison.device().get(0).drift()).isEmpty();
        DeviceComparison.PortRow swapped = comparison.ports().stream().filter(p -> p.port().equals("Ethernet1"))
                .findFirst().orElseThrow();
        assertThat(swapped.drift()).containsExactly("cabling-miswired");
        assertThat(swapped.observedFarEnd()).isEqualTo("leaf02:Ethernet49");
        DeviceComparison.PortRow handOff = comparison.ports().stream().filter(p -> p.port().equals("Ethernet4"))
                .findFirst().orElseThrow();
        assertThat(handOff.intendedState()).isEqualTo("down (killed)");
        assertThat(handOff.drift()).containsExactly("killed-link-up");
        // every finding of the auditor sits on exactly one row
        assertThat(comparison.drift()).extracting(d -> d.type().wire())
                .containsExactlyInAnyOrderElementsOf(allDrift(comparison));
    }

    @Test
    void aDeviceIntentDoesNotKnowHasNoComparison() {
        DeviceObservation stranger = new DeviceObservation("stranger", NOW, null, "stranger", null, null, null,
                null, null);
        assertThat(DeviceComparison.of(intent(ConnectionStatus.ACTIVE), stranger)).isEmpty();
    }

    /** Every drift type on a row, the device's and the ports'. */
    private static List<String> allDrift(DeviceComparison comparison) {
        return java.util.stream.Stream.concat(comparison.device().stream().flatMap(r -> r.drift().stream()),
                comparison.ports().stream().flatMap(p -> p.drift().stream())).toList();
    }
}
