package io.ferrum.provisioning.bench;

import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.peers.InProcessSshServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens SSH sessions to N in-process devices (Apache MINA SSHD, one server per device) concurrently, runs one
 * command on each and closes, measuring wall time and per-device latency (connect + kex + auth + command + close).
 *
 * <p>Args: [devices=200] [runs=5] [concurrency=devices]. One warm-up run is discarded.
 */
public final class SshFanOutBenchmark {

    record Run(long wallMillis, double p50, double p99, double max, int failures) {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : devices;

        List<InProcessSshServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < devices; i++) {
                servers.add(InProcessSshServer.builder(String.format("dev%03d", i)).start());
            }
            List<SshTarget> targets = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                targets.add(new SshTarget(String.format("dev%03d", i), "127.0.0.1", servers.get(i).port(),
                        new SshCredentials.Password(InProcessSshServer.USER, InProcessSshServer.PASSWORD)));
            }
            SshDriver driver = new SshDriver(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(60)), HostKeyPins.inMemory());
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                runOnce(driver, targets, pool);
                List<Run> results = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    Run run = runOnce(driver, targets, pool);
                    results.add(run);
                    System.out.printf("run %d: wall %d ms, per-device p50 %.1f ms, p99 %.1f ms, max %.1f ms, failures %d%n",
                            r, run.wallMillis(), run.p50(), run.p99(), run.max(), run.failures());
                }
                System.out.printf("RESULT devices=%d concurrency=%d runs=%d median wall %d ms, median p50 %.1f ms, "
                                + "median p99 %.1f ms, failures %d%n", devices, concurrency, runs,
                        (long) median(results.stream().mapToDouble(Run::wallMillis).toArray()),
                        median(results.stream().mapToDouble(Run::p50).toArray()),
                        median(results.stream().mapToDouble(Run::p99).toArray()),
                        results.stream().mapToInt(Run::failures).sum());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            for (InProcessSshServer s : servers) {
                s.close();
            }
        }
    }

    private static Run runOnce(SshDriver driver, List<SshTarget> targets, ExecutorService pool) throws Exception {
        long started = System.nanoTime();
        List<Future<Double>> futures = new ArrayList<>();
        for (SshTarget target : targets) {
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                try (SshSession session = driver.open(target)) {
                    session.run("show version").requireSuccess();
                }
                return (System.nanoTime() - t0) / 1e6;
            }));
        }
        double[] latencies = new double[targets.size()];
        int failures = 0;
        for (int i = 0; i < futures.size(); i++) {
            try {
                latencies[i] = futures.get(i).get();
            } catch (Exception e) {
                failures++;
                latencies[i] = Double.NaN;
            }
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        double[] ok = Arrays.stream(latencies).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return new Run(wall, percentile(ok, 50), percentile(ok, 99), ok.length == 0 ? 0 : ok[ok.length - 1], failures);
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
