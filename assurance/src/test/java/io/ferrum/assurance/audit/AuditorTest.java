package io.ferrum.assurance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.provisioning.driver.FailureReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The auditor on literal intent and observations: each drift type found, named and linked to its intent record. */
class AuditorTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String BORDER_CONFIG = "hostname border01\ninterface Ethernet1\n  description leaf01:Ethernet49\n";
    private final AuditIntent intent = AuditIntent.of(PodIntent.site(ConnectionStatus.ACTIVE),
            Map.of("border01", new DesiredDeviceState(BORDER_CONFIG, "4.30.1F")));

    /** border01 exactly as intent wants it. */
    private static DeviceObservation border(List<InterfaceObservation> interfaces, List<NeighbourObservation> lldp) {
        return new DeviceObservation("border01", NOW, null, "border01", "SN-B1", "4.30.1F", BORDER_CONFIG + "\n",
                interfaces, lldp);
    }

    private static List<InterfaceObservation> borderPorts() {
        return new ArrayList<>(List.of(up("Ethernet1"), up("Ethernet2"), down("Ethernet3", false), up("Ethernet4"),
                new InterfaceObservation("Management1", true, true, List.of("198.18.0.1/24"))));
    }

    private static List<NeighbourObservation> borderLldp() {
        return new ArrayList<>(List.of(new NeighbourObservation("Ethernet1", "leaf01", "Ethernet49"),
                new NeighbourObservation("Ethernet2", "leaf02", "Ethernet49"),
                new NeighbourObservation("Ethernet4", "xams-venue", "port7")));
    }

    private static InterfaceObservation up(String port) {
        return new InterfaceObservation(port, true, true, null);
    }

    private static InterfaceObservation down(String port, boolean adminUp) {
        return new InterfaceObservation(port, adminUp, false, null);
    }

    @Test
    void aDeviceAsIntendedHasNoDrift() {
        assertThat(Auditor.audit(intent, border(borderPorts(), borderLldp()))).isEmpty();
    }

    @Test
    void aConsoleOrPowerCableNeverShowsAnLldpNeighbourAndIsNoCablingDrift() {
        var pod = PodIntent.site(ConnectionStatus.ACTIVE);
        List<io.ferrum.model.inventory.CableInfo> cables = new ArrayList<>(pod.cables());
        cables.add(new io.ferrum.model.inventory.CableInfo("C-9", new io.ferrum.model.inventory.CableInfo.CableEnd(
                "border01", "Console"), new io.ferrum.model.inventory.CableInfo.CableEnd("leaf01", "Port1"),
                io.ferrum.model.dcim.CableType.CONSOLE, "blue", java.math.BigDecimal.ONE,
                io.ferrum.model.dcim.CableStatus.PLANNED));
        AuditIntent withConsole = AuditIntent.of(new io.ferrum.model.inventory.SiteInventory(pod.site(), pod.racks(),
                pod.devices(), cables, pod.prefixes(), pod.addresses(), pod.exchangeConnections()),
                Map.of("border01", new DesiredDeviceState(BORDER_CONFIG, "4.30.1F")));
        assertThat(Auditor.audit(withConsole, border(borderPorts(), borderLldp()))).isEmpty();
    }

    @Test
    void swappedCablesAreMiswiredAtTheirEndNamingBothCablesAndBothFarEnds() {
        List<NeighbourObservation> swapped = List.of(new NeighbourObservation("Ethernet1", "leaf02", "Ethernet49"),
                new NeighbourObservation("Ethernet2", "leaf01", "Ethernet49"),
                new NeighbourObservation("Ethernet4", "xams-venue", "port7"));
        List<Drift> drift = Auditor.audit(intent, border(borderPorts(), swapped));
        assertThat(drift).extracting(Drift::type).containsOnly(DriftType.CABLING_MISWIRED);
        assertThat(drift).hasSize(2);
        Drift first = drift.get(0);
        assertThat(first.object()).isEqualTo("Ethernet1");
        assertThat(first.expected()).isEqualTo("leaf01:Ethernet49");
        assertThat(first.observed()).isEqualTo("leaf02:Ethernet49");
        assertThat(first.intentRef()).isEqualTo("cable C-1");
        assertThat(first.detail()).contains("C-1", "C-2");
        assertThat(first.fingerprint()).isEqualTo("border01|cabling-miswired|Ethernet1");
    }

    @Test
    void aMissingNeighbourAndAnUnexpectedOneAreTheirOwnTypes() {
        List<NeighbourObservation> lldp = borderLldp();
        lldp.removeIf(n -> n.port().equals("Ethernet2"));
        lldp.add(new NeighbourObservation("Ethernet3", "rogue", "eth0"));
        List<Drift> drift = Auditor.audit(intent, border(borderPorts(), lldp));
        assertThat(drift).extracting(Drift::type, Drift::object, Drift::observed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DriftType.CABLING_MISSING, "Ethernet2", "(no neighbour)"),
                org.assertj.core.groups.Tuple.tuple(DriftType.CABLING_UNEXPECTED, "Ethernet3", "rogue:eth0"));
        assertThat(drift.get(0).intentRef()).isEqualTo("cable C-2");
    }

    @Test
    void anEnabledCabledPortThatIsDownAndADisabledPortThatIsUpArePortStateDrift() {
        List<InterfaceObservation> ports = borderPorts();
        ports.set(0, down("Ethernet1", false));
        ports.set(2, up("Ethernet3"));
        List<Drift> drift = Auditor.audit(intent, border(ports, borderLldp()));
        assertThat(drift).extracting(Drift::type, Drift::object, Drift::expected).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DriftType.PORT_STATE, "Ethernet1", "up"),
                org.assertj.core.groups.Tuple.tuple(DriftType.PORT_STATE, "Ethernet3", "disabled"));
        assertThat(drift.get(0).observed()).isEqualTo("admin down, oper down");
    }

    @Test
    void aKilledExchangeLinkThatComesUpIsCriticalAndItsDownStateIsNoDrift() {
        AuditIntent killed = AuditIntent.of(PodIntent.site(ConnectionStatus.KILLED), Map.of());
        List<InterfaceObservation> ports = borderPorts();
        ports.set(3, down("Ethernet4", false));
        assertThat(Auditor.audit(killed, border(ports, borderLldp()))).isEmpty();

        List<Drift> drift = Auditor.audit(killed, border(borderPorts(), borderLldp()));
        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DriftType.KILLED_LINK_UP);
            assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.intentRef()).isEqualTo("exchange-connection XAMS-1");
        });
    }

    @Test
    void serialHostnameFirmwareAndConfigAreComparedWithIntentAndTheConfigDriftCarriesTheDiff() {
        DeviceObservation seen = new DeviceObservation("border01", NOW, null, "border01-old", "SN-XX", "4.29.0F",
                BORDER_CONFIG.replace("leaf01:Ethernet49", "to-be-removed"), borderPorts(), borderLldp());
        List<Drift> drift = Auditor.audit(intent, seen);
        assertThat(drift).extracting(Drift::type).containsExactly(DriftType.HOSTNAME, DriftType.SERIAL,
                DriftType.CONFIG, DriftType.FIRMWARE);
        assertThat(drift.get(1).expected()).isEqualTo("SN-B1");
        assertThat(drift.get(1).observed()).isEqualTo("SN-XX");
        assertThat(drift.get(2).detail()).contains("-  description leaf01:Ethernet49", "+  description to-be-removed");
        assertThat(drift.get(3).expected()).isEqualTo("4.30.1F");
    }

    @Test
    void aManagementAddressMissingFromItsInterfaceIsIpDrift() {
        List<InterfaceObservation> ports = borderPorts();
        ports.set(4, new InterfaceObservation("Management1", true, true, List.of("198.18.0.99/24")));
        List<Drift> drift = Auditor.audit(intent, border(ports, borderLldp()));
        assertThat(drift).extracting(Drift::type).containsOnly(DriftType.IP);
        assertThat(drift).extracting(Drift::object).containsExactly("Management1", "mgmt");
        assertThat(drift.get(0).expected()).isEqualTo("198.18.0.1/24");
    }

    @Test
    void anUnreachableDeviceIsOneDriftWithItsReasonAndNothingElse() {
        List<Drift> drift = Auditor.audit(intent, DeviceObservation.unreachable("border01", NOW, FailureReason.TIMEOUT));
        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DriftType.UNREACHABLE);
            assertThat(d.observed()).isEqualTo("timeout");
        });
    }

    @Test
    void whatWasNotCollectedRaisesNothing() {
        DeviceObservation partial = new DeviceObservation("border01", NOW, null, null, null, null, null, null, null);
        assertThat(Auditor.audit(intent, partial)).isEmpty();
        assertThat(Auditor.audit(intent, DeviceObservation.unreachable("not-in-intent", NOW,
                FailureReason.UNREACHABLE))).isEmpty();
    }
}
