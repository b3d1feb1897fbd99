package io.ferrum.assurance.collect;

import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.snmp.IfStatus;
import io.ferrum.provisioning.driver.snmp.InterfaceStatus;
import io.ferrum.provisioning.driver.snmp.IpAddressEntry;
import io.ferrum.provisioning.driver.snmp.LldpNeighbour;
import io.ferrum.provisioning.driver.snmp.SnmpClient;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.snmp.SnmpTarget;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Polls a device through the drivers: SNMP for what it is and how it is wired (sysName, ENTITY-MIB serial, IF-MIB
 * admin/oper state, IP-MIB addresses, LLDP-MIB neighbours), SSH for what it runs ({@code show version},
 * {@code show running-config}). Every call is bounded by the drivers' timeouts; a part that fails leaves its fields
 * null and is reported as a {@link PollProblem}. Interfaces are named by the intent port they stand for (ifName,
 * else ifAlias), and sorted, so an unchanged device gives an identical observation.
 */
public final class DriverPoller implements DevicePoller {

    static final String SNMP = "snmp";
    static final String SSH = "ssh";

    private final SnmpDriver snmp;
    private final SnmpCredentials community;
    private final SshDriver ssh;
    /** How to log in to a device over SSH, or null when the collector has no credentials (SSH part skipped). */
    private final Function<PollTarget, SshCredentials> sshLogin;
    private final Duration commandTimeout;
    private final Clock clock;

    public DriverPoller(SnmpDriver snmp, SnmpCredentials community, SshDriver ssh,
                        Function<PollTarget, SshCredentials> sshLogin, Duration commandTimeout, Clock clock) {
        this.snmp = snmp;
        this.community = community;
        this.ssh = ssh;
        this.sshLogin = sshLogin;
        this.commandTimeout = commandTimeout;
        this.clock = clock;
    }

    @Override
    public PollOutcome poll(PollTarget target) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        List<PollProblem> problems = new ArrayList<>();
        SnmpPart fromSnmp = null;
        try {
            fromSnmp = snmp(target);
        } catch (DriverException e) {
            problems.add(new PollProblem(SNMP, e.reason(), e.getMessage()));
        }
        SshPart fromSsh = null;
        boolean sshTried = ssh != null && sshLogin != null;
        if (sshTried) {
            try {
                fromSsh = ssh(target);
            } catch (DriverException e) {
                problems.add(new PollProblem(SSH, e.reason(), e.getMessage()));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (fromSnmp == null && (fromSsh == null)) {
            FailureReason reason = problems.isEmpty() ? FailureReason.UNREACHABLE : problems.get(0).reason();
            return new PollOutcome(DeviceObservation.unreachable(target.hostname(), at, reason), problems, took);
        }
        String serial = fromSnmp != null && fromSnmp.serial() != null ? fromSnmp.serial()
                : fromSsh == null ? null : fromSsh.serial();
        return new PollOutcome(new DeviceObservation(target.hostname(), at, null,
                fromSnmp == null ? null : fromSnmp.sysName(), serial,
                fromSsh == null ? null : fromSsh.firmware(), fromSsh == null ? null : fromSsh.runningConfig(),
                fromSnmp == null ? null : fromSnmp.interfaces(), fromSnmp == null ? null : fromSnmp.neighbours()),
                problems, took);
    }

    private record SnmpPart(String sysName, String serial, List<InterfaceObservation> interfaces,
                            List<NeighbourObservation> neighbours) {
    }

    private record SshPart(String firmware, String serial, String runningConfig) {
    }

    private SnmpPart snmp(PollTarget target) {
        try (SnmpClient client = snmp.open(new SnmpTarget(target.hostname(), target.address(),
                target.snmpPort(), community))) {
            String sysName = client.systemInfo().sysName();
            String serial = client.chassisSerial();
            List<InterfaceStatus> rows = client.interfaces();
            Map<Integer, List<String>> addresses = new HashMap<>();
            for (IpAddressEntry address : client.ipAddresses()) {
                addresses.computeIfAbsent(address.ifIndex(), i -> new ArrayList<>()).add(address.cidr());
            }
            Map<Integer, String> portByIndex = new HashMap<>();
            Map<String, InterfaceStatus> byPort = new HashMap<>();
            Map<String, java.util.SortedSet<String>> portAddresses = new HashMap<>();
            for (InterfaceStatus row : rows) {
                String port = portName(target, row.name(), row.alias());
                if (port == null) {
                    continue;
                }
                portByIndex.put(row.ifIndex(), port);
                portAddresses.computeIfAbsent(port, p -> new java.util.TreeSet<>())
                        .addAll(addresses.getOrDefault(row.ifIndex(), List.of()));
                byPort.merge(port, row, DriverPoller::likelierCurrent);
            }
            List<InterfaceObservation> interfaces = new ArrayList<>();
            byPort.forEach((port, row) -> interfaces.add(new InterfaceObservation(port, row.admin() == IfStatus.UP,
                    row.oper() == IfStatus.UP, List.copyOf(portAddresses.get(port)))));
            interfaces.sort(Comparator.comparing(InterfaceObservation::port));
            List<NeighbourObservation> neighbours = new ArrayList<>();
            for (LldpNeighbour n : client.lldpNeighbours()) {
                String port = target.ports().contains(n.localPortId()) ? n.localPortId()
                        : portByIndex.get(n.localPortNum());
                if (port == null || n.remoteSysName().isEmpty()) {
                    continue;
                }
                String remotePort = n.remotePortId().isEmpty() ? n.remotePortDescription() : n.remotePortId();
                neighbours.add(new NeighbourObservation(port, n.remoteSysName(), remotePort));
            }
            neighbours.sort(Comparator.comparing(NeighbourObservation::port)
                    .thenComparing(NeighbourObservation::farEnd));
            return new SnmpPart(blankToNull(sysName), blankToNull(serial), interfaces, neighbours);
        }
    }

    /**
     * Of two ifTable rows for one port, the one that is the port now: an agent may keep the row of an interface that
     * was deleted and re-created (a re-cabled port in the lab, a re-seated module) beside the new one, which has the
     * higher ifIndex (interfaces are numbered as they appear).
     */
    private static InterfaceStatus likelierCurrent(InterfaceStatus a, InterfaceStatus b) {
        return a.ifIndex() >= b.ifIndex() ? a : b;
    }

    /** The intent port an interface stands for: its ifName, else its ifAlias; null for interfaces intent lacks. */
    private static String portName(PollTarget target, String name, String alias) {
        if (target.ports().contains(name)) {
            return name;
        }
        return alias != null && target.ports().contains(alias) ? alias : null;
    }

    private SshPart ssh(PollTarget target) {
        SshTarget endpoint = new SshTarget(target.hostname(), target.address(), target.sshPort(), sshLogin.apply(target));
        try (SshSession session = ssh.open(endpoint)) {
            String version = session.run("show version", commandTimeout).requireSuccess().stdout();
            String config = session.run("show running-config", commandTimeout).requireSuccess().stdout();
            return new SshPart(field(version, "firmware"), field(version, "serial"), config);
        }
    }

    /** {@code key: value} from {@code show version}; null when the device does not print it. */
    static String field(String text, String key) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(key)) {
                return blankToNull(line.substring(colon + 1).strip());
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
