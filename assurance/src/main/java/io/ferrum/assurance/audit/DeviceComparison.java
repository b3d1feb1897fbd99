package io.ferrum.assurance.audit;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.model.dcim.NaturalOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One device's intent and its latest observation side by side, for a person: the device's own facts, then every
 * port that intent or the device knows of. Which rows differ is the {@link Auditor}'s verdict, not a second opinion:
 * a row carries the drift the auditor finds on that object, so the picture and the drift events never disagree.
 *
 * @param device the device's rows: hostname, serial, firmware, running config, management address
 * @param ports  one row per port, ordered by name
 * @param drift  every finding of the auditor on this observation
 */
public record DeviceComparison(String hostname, List<Row> device, List<PortRow> ports, List<Drift> drift) {

    /** A fact of the device as intended and as observed (null: not known or not collected), with its drift types. */
    public record Row(String attribute, String intended, String observed, List<String> drift) {
    }

    /**
     * A port: state, far end (the cable that should reach it) and addresses, as intended and as observed.
     *
     * @param cable the cable label intent puts on the port, or the exchange circuit it hands off
     */
    public record PortRow(String port, String intendedState, String observedState, String cable,
                          String intendedFarEnd, String observedFarEnd, List<String> intendedAddresses,
                          List<String> observedAddresses, List<String> drift) {
    }

    /** The comparison for the observed device, or empty when intent does not know it. */
    public static Optional<DeviceComparison> of(AuditIntent intent, DeviceObservation seen) {
        ExpectedDevice expected = intent.device(seen.hostname()).orElse(null);
        if (expected == null) {
            return Optional.empty();
        }
        List<Drift> drift = Auditor.audit(intent, seen);
        Map<String, List<String>> driftOn = new HashMap<>();
        for (Drift d : drift) {
            driftOn.computeIfAbsent(d.object(), o -> new ArrayList<>()).add(d.type().wire());
        }
        List<String> wholeDevice = driftOn.getOrDefault(Drift.WHOLE_DEVICE, List.of());
        DesiredDeviceState desired = expected.desired();
        List<Row> device = List.of(
                row("hostname", expected.hostname(), seen.sysName(), wholeDevice, DriftType.HOSTNAME),
                row("serial", expected.serial(), seen.serial(), wholeDevice, DriftType.SERIAL),
                row("firmware", desired.firmwareVersion(), seen.firmwareVersion(), wholeDevice, DriftType.FIRMWARE),
                row("running config", desired.renderedConfig() == null ? null : lines(desired.renderedConfig()),
                        seen.runningConfig() == null ? null : lines(seen.runningConfig()), wholeDevice,
                        DriftType.CONFIG),
                new Row("management address", expected.primaryIp(), null,
                        driftOn.getOrDefault("mgmt", List.of())),
                new Row("reachable", "yes", seen.reachable() ? "yes" : "no: " + seen.failure().name(),
                        seen.reachable() ? List.of() : List.of(DriftType.UNREACHABLE.wire())));

        Map<String, InterfaceObservation> interfaces = new HashMap<>();
        if (seen.interfaces() != null) {
            seen.interfaces().forEach(i -> interfaces.put(i.port(), i));
        }
        Map<String, NeighbourObservation> neighbours = new HashMap<>();
        if (seen.neighbours() != null) {
            seen.neighbours().forEach(n -> neighbours.put(n.port(), n));
        }
        TreeSet<String> names = new TreeSet<>(NaturalOrder.INSTANCE);
        names.addAll(expected.farEnds().keySet());
        names.addAll(expected.exchangePorts().keySet());
        names.addAll(expected.enabled());
        names.addAll(expected.addresses().keySet());
        names.addAll(interfaces.keySet());
        names.addAll(neighbours.keySet());
        List<PortRow> ports = new ArrayList<>();
        for (String name : names) {
            ExpectedDevice.FarEnd far = expected.farEnds().get(name);
            String circuit = expected.exchangePorts().get(name);
            InterfaceObservation observed = interfaces.get(name);
            NeighbourObservation neighbour = neighbours.get(name);
            ports.add(new PortRow(name, intendedState(expected, name),
                    observed == null ? null : Auditor.state(observed),
                    far != null ? far.cable().label() : circuit == null ? null : "circuit " + circuit,
                    far != null ? far.text() : circuit == null ? null : "exchange hand-off",
                    neighbour == null ? null : neighbour.farEnd(),
                    expected.addresses().getOrDefault(name, List.of()),
                    observed == null || observed.addresses() == null ? null : observed.addresses(),
                    driftOn.getOrDefault(name, List.of())));
        }
        return Optional.of(new DeviceComparison(expected.hostname(), device, ports, drift));
    }

    private static String intendedState(ExpectedDevice expected, String port) {
        if (expected.killedPorts().containsKey(port)) {
            return "down (killed)";
        }
        if (!expected.enabled().contains(port)) {
            return "disabled";
        }
        return expected.connected(port) ? "up" : "enabled";
    }

    private static Row row(String attribute, String intended, String observed, List<String> wholeDevice,
                           DriftType type) {
        return new Row(attribute, intended, observed,
                wholeDevice.contains(type.wire()) ? List.of(type.wire()) : List.of());
    }

    private static String lines(String config) {
        long n = config.lines().count();
        return n + (n == 1 ? " line" : " lines");
    }
}
