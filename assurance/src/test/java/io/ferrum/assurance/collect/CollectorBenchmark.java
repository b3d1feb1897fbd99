package io.ferrum.assurance.collect;

import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One collector cycle over simulated switches on loopback: how long the pool takes to poll every device once over
 * SNMP (system, ENTITY-MIB, IF-MIB, IP-MIB, LLDP-MIB walks), recording in memory (no database, no SSH).
 * {@code ./bench assurance io.ferrum.assurance.collect.CollectorBenchmark [devices] [ports] [pool] [runs]}.
 */
public final class CollectorBenchmark {

    private CollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int ports = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        int pool = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (LoopbackSnmpDevices switches = new LoopbackSnmpDevices()) {
            List<PollTarget> targets = new ArrayList<>();
            for (int i = 1; i <= devices; i++) {
                LoopbackSnmpDevices.Device d = switches.add("sim-" + i, "SN" + i, ports, "peer-" + i);
                targets.add(new PollTarget("sim1", d.hostname(), "leaf", "127.0.0.1", d.port(), 1,
                        IntStream.rangeClosed(1, ports).mapToObj(p -> "Ethernet" + p).collect(Collectors.toSet()),
                        Duration.ofHours(1)));
            }
            SnmpDriver snmp = new SnmpDriver(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                    Duration.ofSeconds(20)), 1);
            DevicePoller poller = new DriverPoller(snmp, new SnmpCredentials.Community(LoopbackSnmpDevices.COMMUNITY),
                    null, null, Duration.ofSeconds(5), Clock.systemUTC());
            for (int run = 0; run <= runs; run++) {
                CollectorPoolTest.Recorded recorded = new CollectorPoolTest.Recorded();
                CollectorProperties properties = CollectorPoolTest.properties(pool);
                Collector collector = new Collector(properties, poller, new CollectorPoolTest.Fixed(targets,
                        properties), recorded, null, Clock.systemUTC());
                long started = System.nanoTime();
                collector.start();
                while (recorded.outcomes.size() < devices) {
                    Thread.sleep(5);
                }
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                collector.stop();
                long failed = recorded.outcomes.values().stream().filter(o -> !o.problems().isEmpty()).count();
                long slowest = recorded.outcomes.values().stream().mapToLong(o -> o.took().toMillis()).max()
                        .orElse(0);
                System.out.printf("%s: %d devices x %d ports, pool %d: cycle %d ms (%.1f devices/s), slowest poll "
                                + "%d ms, %d failed%n", run == 0 ? "warm-up" : "run " + run, devices, ports, pool,
                        millis, devices * 1000.0 / millis, slowest, failed);
            }
        }
    }
}
