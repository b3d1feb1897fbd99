package io.ferrum.assurance.audit;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.model.inventory.CableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one device's observation with its intent: a pure function, no database, no clock, so it runs after every
 * poll and after every intent change, and is tested with literal values. Findings come sorted by type and object,
 * the same observation always giving the same findings.
 */
public final class Auditor {

    private Auditor() {
    }

    public static List<Drift> audit(AuditIntent intent, DeviceObservation seen) {
        ExpectedDevice expected = intent.device(seen.hostname()).orElse(null);
        if (expected == null) {
            return List.of();
        }
        List<Drift> drift = new ArrayList<>();
        String host = expected.hostname();
        if (!seen.reachable()) {
            drift.add(new Drift(DriftType.UNREACHABLE, host, Drift.WHOLE_DEVICE, "reachable",
                    seen.failure().name().toLowerCase(Locale.ROOT), "device " + host,
                    "the poll failed: " + seen.failure().name()));
            return drift;
        }
        if (seen.sysName() != null && !seen.sysName().equals(host)) {
            drift.add(new Drift(DriftType.HOSTNAME, host, Drift.WHOLE_DEVICE, host, seen.sysName(), "device " + host,
                    null));
        }
        if (expected.serial() != null && seen.serial() != null
                && !expected.serial().trim().equalsIgnoreCase(seen.serial().trim())) {
            drift.add(new Drift(DriftType.SERIAL, host, Drift.WHOLE_DEVICE, expected.serial(), seen.serial(),
                    "device " + host, null));
        }
        DesiredDeviceState desired = expected.desired();
        if (desired.firmwareVersion() != null && seen.firmwareVersion() != null
                && !desired.firmwareVersion().equals(seen.firmwareVersion())) {
            drift.add(new Drift(DriftType.FIRMWARE, host, Drift.WHOLE_DEVICE, desired.firmwareVersion(),
                    seen.firmwareVersion(), "device " + host + " desired firmware", null));
        }
        if (desired.renderedConfig() != null && seen.runningConfig() != null) {
            String diff = ConfigDiff.between(host, desired.renderedConfig(), seen.runningConfig());
            if (diff != null) {
                drift.add(new Drift(DriftType.CONFIG, host, Drift.WHOLE_DEVICE, "rendered configuration",
                        "running configuration differs", "device " + host + " rendered config", diff));
            }
        }
        if (seen.interfaces() != null) {
            auditInterfaces(expected, seen.interfaces(), drift);
        }
        if (seen.neighbours() != null) {
            auditCabling(intent, expected, seen.neighbours(), drift);
        }
        drift.sort(java.util.Comparator.comparing(Drift::type).thenComparing(Drift::object));
        return drift;
    }

    private static void auditInterfaces(ExpectedDevice expected, List<InterfaceObservation> interfaces,
                                        List<Drift> drift) {
        String host = expected.hostname();
        Set<String> observedAddresses = new HashSet<>();
        for (InterfaceObservation port : interfaces) {
            String name = port.port();
            String killedCircuit = expected.killedPorts().get(name);
            if (killedCircuit != null) {
                if (port.operUp() || port.adminUp()) {
                    drift.add(new Drift(DriftType.KILLED_LINK_UP, host, name, "down (killed)", state(port),
                            "exchange-connection " + killedCircuit, "the kill switch holds this link down"));
                }
            } else if (expected.enabled().contains(name)) {
                if (expected.connected(name) && (!port.adminUp() || !port.operUp())) {
                    drift.add(new Drift(DriftType.PORT_STATE, host, name, "up", state(port), portRef(expected, name),
                            null));
                }
            } else if (port.adminUp() || port.operUp()) {
                drift.add(new Drift(DriftType.PORT_STATE, host, name, "disabled", state(port), "port " + host + ":"
                        + name, null));
            }
            if (port.addresses() != null) {
                observedAddresses.addAll(port.addresses());
                List<String> wanted = expected.addresses().get(name);
                if (wanted != null && !port.addresses().containsAll(wanted)) {
                    drift.add(new Drift(DriftType.IP, host, name, String.join(", ", new TreeSet<>(wanted)),
                            port.addresses().isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(port.addresses())),
                            "ip-address " + host + ":" + name, null));
                }
            }
        }
        String primary = expected.primaryIp();
        if (primary != null && !observedAddresses.isEmpty()
                && observedAddresses.stream().noneMatch(a -> a.equals(primary) || a.startsWith(primary + "/"))) {
            drift.add(new Drift(DriftType.IP, host, "mgmt", primary, String.join(", ", new TreeSet<>(observedAddresses)),
                    "device " + host + " primary address", "the management address is on no interface"));
        }
    }

    private static void auditCabling(AuditIntent intent, ExpectedDevice expected,
                                     List<NeighbourObservation> neighbours, List<Drift> drift) {
        String host = expected.hostname();
        Map<String, NeighbourObservation> seenOn = new HashMap<>();
        neighbours.forEach(n -> seenOn.put(n.port(), n));
        expected.farEnds().forEach((port, far) -> {
            NeighbourObservation seen = seenOn.get(port);
            String label = far.cable().label();
            if (seen == null) {
                drift.add(new Drift(DriftType.CABLING_MISSING, host, port, far.text(), "(no neighbour)",
                        "cable " + label, "no LLDP neighbour on " + host + ":" + port));
            } else if (!seen.farEnd().equals(far.text())) {
                String other = intent.cableAt(seen.farEnd()).map(CableInfo::label).orElse(null);
                drift.add(new Drift(DriftType.CABLING_MISWIRED, host, port, far.text(), seen.farEnd(),
                        "cable " + label, other == null ? "cable " + label + " reaches a port intent cables to nothing"
                                : "cable " + label + " reaches the far end of cable " + other));
            }
        });
        for (NeighbourObservation seen : neighbours) {
            if (!expected.farEnds().containsKey(seen.port()) && !expected.exchangePorts().containsKey(seen.port())) {
                drift.add(new Drift(DriftType.CABLING_UNEXPECTED, host, seen.port(), "(no cable)", seen.farEnd(),
                        "port " + host + ":" + seen.port(), null));
            }
        }
    }

    private static String portRef(ExpectedDevice expected, String port) {
        ExpectedDevice.FarEnd far = expected.farEnds().get(port);
        if (far != null) {
            return "cable " + far.cable().label();
        }
        return "exchange-connection " + expected.exchangePorts().get(port);
    }

    /** A port's state as drift shows it: {@code admin up, oper down}. */
    static String state(InterfaceObservation port) {
        return "admin " + (port.adminUp() ? "up" : "down") + ", oper " + (port.operUp() ? "up" : "down");
    }
}
