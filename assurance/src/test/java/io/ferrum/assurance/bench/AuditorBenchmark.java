package io.ferrum.assurance.bench;

import io.ferrum.assurance.audit.AuditIntent;
import io.ferrum.assurance.audit.Auditor;
import io.ferrum.assurance.audit.DesiredDeviceState;
import io.ferrum.assurance.audit.Drift;
import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.SiteStatus;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The auditor over 10,000 devices with 50 ports each (500,000 ports, 250,000 cables) of synthetic intent and
 * observations, one device in a hundred with a swapped pair of cables. Times the intent index and a full audit of
 * every device; reports medians.
 *
 * <p>Run: {@code ./bench assurance io.ferrum.assurance.bench.AuditorBenchmark [devices] [runs]}
 */
public final class AuditorBenchmark {

    private static final int PORTS = 50;

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SiteInventory site = site(devices);
        Map<String, DesiredDeviceState> desired = new HashMap<>();
        List<DeviceObservation> observations = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String host = host(d);
            String config = "hostname " + host + "\n";
            desired.put(host, new DesiredDeviceState(config, "1.0"));
            observations.add(observe(d, devices, config));
        }
        long[] index = new long[runs];
        long[] audit = new long[runs];
        long drift = 0;
        for (int run = -1; run < runs; run++) {
            long t0 = System.nanoTime();
            AuditIntent intent = AuditIntent.of(site, desired);
            long t1 = System.nanoTime();
            long found = 0;
            for (DeviceObservation observation : observations) {
                List<Drift> findings = Auditor.audit(intent, observation);
                found += findings.size();
            }
            long t2 = System.nanoTime();
            if (run >= 0) {
                index[run] = (t1 - t0) / 1_000_000;
                audit[run] = (t2 - t1) / 1_000_000;
                drift = found;
                System.out.printf("run %d: index %d ms, audit %d ms, %d findings%n", run + 1, index[run], audit[run],
                        found);
            }
        }
        System.out.printf("%d devices, %d ports, %d cables: median index %d ms, median audit %d ms (%.3f ms per "
                + "device), %d findings%n", devices, devices * PORTS, site.cables().size(), median(index),
                median(audit), median(audit) / (double) devices, drift);
    }

    private static String host(int d) {
        return "dev" + d;
    }

    /** Port p of device d is cabled to port p of device d^1 (pairs of devices, all 50 ports between them). */
    private static SiteInventory site(int devices) {
        List<DeviceInfo> infos = new ArrayList<>();
        List<CableInfo> cables = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            List<PortInfo> ports = new ArrayList<>();
            for (int p = 1; p <= PORTS; p++) {
                ports.add(new PortInfo("Ethernet" + p, PortKind.DATA, 25000, null, null, true, null));
                if (d % 2 == 0 && d + 1 < devices) {
                    cables.add(new CableInfo("C-" + d + "-" + p, new CableInfo.CableEnd(host(d), "Ethernet" + p),
                            new CableInfo.CableEnd(host(d + 1), "Ethernet" + p), CableType.DAC, "black",
                            BigDecimal.ONE, CableStatus.INSTALLED));
                }
            }
            infos.add(new DeviceInfo(host(d), DeviceRole.LEAF, "Acme", "X", "x", 1, true, 100, 200, "SN" + d, null,
                    DeviceStatus.ACTIVE, null, null, null, "lab-eos", null, null, ports, Set.of()));
        }
        return new SiteInventory(new SiteInfo("big", "Big", null, "UTC", SiteStatus.ACTIVE), List.of(), infos,
                cables, List.of(), List.of(), List.of());
    }

    private static DeviceObservation observe(int d, int devices, String config) {
        List<InterfaceObservation> interfaces = new ArrayList<>(PORTS);
        List<NeighbourObservation> neighbours = new ArrayList<>(PORTS);
        int peer = d % 2 == 0 ? d + 1 : d - 1;
        boolean cabled = peer < devices;
        for (int p = 1; p <= PORTS; p++) {
            interfaces.add(new InterfaceObservation("Ethernet" + p, true, cabled, null));
            if (cabled) {
                int farPort = d % 100 == 0 && p <= 2 ? 3 - p : p;
                neighbours.add(new NeighbourObservation("Ethernet" + p, host(peer), "Ethernet" + farPort));
            }
        }
        return new DeviceObservation(host(d), Instant.EPOCH, null, host(d), "SN" + d, "1.0", config, interfaces,
                neighbours);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
