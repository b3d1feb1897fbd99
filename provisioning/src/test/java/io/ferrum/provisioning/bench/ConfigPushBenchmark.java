package io.ferrum.provisioning.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ferrum.model.db.EmbeddedPostgresServer;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.pipeline.DeviceShellChannel;
import io.ferrum.provisioning.pipeline.DeviceTarget;
import io.ferrum.provisioning.pipeline.PipelineEngine;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.RunKind;
import io.ferrum.provisioning.pipeline.RunOptions;
import io.ferrum.provisioning.pipeline.RunState;
import io.ferrum.provisioning.pipeline.RunTarget;
import io.ferrum.provisioning.pipeline.TaskState;
import io.ferrum.provisioning.pipeline.TaskView;
import io.ferrum.provisioning.pipeline.Waves;
import io.ferrum.provisioning.simulated.SimulatedFabric;
import io.ferrum.provisioning.simulated.SimulatedSwitch;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A config run to N simulated switches (one loopback SSH port each, speaking the lab's device shell), then the same
 * run again, through the real engine: SSH driver, SFTP staging, {@code configure replace}, run and task state in a
 * real (embedded) PostgreSQL behind a Hikari pool of the application's default size. The push must end with every
 * device {@code done} and running its rendered config; the re-run with every device {@code unchanged} and not one
 * {@code configure} command in any device's log, or the benchmark fails.
 *
 * <p>Args: [devices=1000] [runs=3] [concurrency=RunOptions.DEFAULTS] [globalConcurrency=Limits.DEFAULTS]. One
 * warm-up push and re-run are discarded. Devices come as leaf pairs per rack with a canary first, as a site run has
 * them.
 */
public final class ConfigPushBenchmark {

    /** Spring Boot's default Hikari pool, which the application keeps. */
    private static final int POOL_SIZE = 10;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    record Measured(String kind, long wallMillis, double p50, double p99, double max, double cpuSeconds,
                    String breakdown) {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : RunOptions.DEFAULTS.concurrency();
        int global = args.length > 3 ? Integer.parseInt(args[3]) : PipelineEngine.Limits.DEFAULTS.globalConcurrency();
        RunOptions options = new RunOptions(false, concurrency, RunOptions.DEFAULTS.canary(),
                RunOptions.DEFAULTS.failureBudget());
        PipelineEngine.Limits limits = new PipelineEngine.Limits(global,
                PipelineEngine.Limits.DEFAULTS.maxAttempts(), PipelineEngine.Limits.DEFAULTS.firstBackoff());

        List<DeviceTarget> targets = new ArrayList<>();
        Map<String, String> desired = new HashMap<>();
        for (int i = 0; i < devices; i++) {
            String rack = String.format(Locale.ROOT, "r%03d", i / 2 + 1);
            String hostname = "ben1-" + rack + "-leaf0" + (i % 2 + 1);
            targets.add(new DeviceTarget(hostname, "127.0.0.1", "leaf", rack));
            desired.put(hostname, LeafConfigs.render(hostname, i, rack));
        }
        double lines = desired.values().stream().mapToLong(c -> c.lines().count()).average().orElse(0);
        double kib = desired.values().stream().mapToLong(String::length).average().orElse(0) / 1024;

        long setup = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("ferrum-bench"),
                true);
             HikariDataSource pool = pool(postgres.jdbcUrl());
             SimulatedFabric fabric = SimulatedFabric.builder()
                     .devices(targets.stream().map(DeviceTarget::hostname).toList()).start()) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            StatementClock sql = new StatementClock();
            DataSource timed = sql.wrap(pool);
            PipelineRuns pipelineRuns = new PipelineRuns(new JdbcTemplate(timed),
                    new TransactionTemplate(new DataSourceTransactionManager(timed)));
            SshDriver ssh = new SshDriver(Timeouts.DEFAULT, HostKeyPins.inMemory());
            TimedChannel channel = new TimedChannel(new DeviceShellChannel(ssh, device -> new SshTarget(
                    device.hostname(), device.address(), fabric.device(device.hostname()).port(),
                    new SshCredentials.Password(SimulatedFabric.USER, SimulatedFabric.PASSWORD))));
            PipelineEngine engine = new PipelineEngine(pipelineRuns, (hostname, target) -> desired.get(hostname),
                    List.of(channel), limits);
            Bench bench = new Bench(pipelineRuns, engine, fabric, targets, desired, options, channel, sql);
            System.out.printf(Locale.ROOT, "setup: %d devices (configs of %.0f lines, %.1f KiB on average), "
                            + "PostgreSQL and %d SSH ports in %d ms; run concurrency %d, engine limit %d, %d cores%n",
                    devices, lines, kib, devices, (System.nanoTime() - setup) / 1_000_000, concurrency, global,
                    CORES);

            bench.push();
            bench.noOp();
            List<Measured> pushes = new ArrayList<>();
            List<Measured> noOps = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                Measured push = bench.push();
                Measured noOp = bench.noOp();
                pushes.add(push);
                noOps.add(noOp);
                for (Measured m : List.of(push, noOp)) {
                    System.out.printf(Locale.ROOT, "run %d %-7s wall %6d ms, per device p50 %6.1f ms, p99 %6.1f ms, "
                                    + "max %6.1f ms, CPU %5.1f s (%.0f%% of %d cores)%n    %s%n", r, m.kind(),
                            m.wallMillis(), m.p50(), m.p99(), m.max(), m.cpuSeconds(),
                            100 * m.cpuSeconds() / (m.wallMillis() / 1000.0 * CORES), CORES, m.breakdown());
                }
            }
            for (List<Measured> kind : List.of(pushes, noOps)) {
                System.out.printf(Locale.ROOT, "RESULT %s devices=%d concurrency=%d runs=%d median wall %d ms, "
                                + "median per-device p50 %.1f ms, p99 %.1f ms%n", kind.get(0).kind(), devices,
                        concurrency, runs, (long) median(kind, Measured::wallMillis), median(kind, Measured::p50),
                        median(kind, Measured::p99));
            }
        }
    }

    /**
     * The application's levels (INFO, io.zonky at WARN), except the per-connection INFO lines of sshj and of the
     * simulator's MINA SSHD, which would print thousands of lines per run.
     */
    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        for (String name : List.of("io.zonky", "net.schmizz", "org.apache.sshd", "com.zaxxer.hikari")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    private record Bench(PipelineRuns runs, PipelineEngine engine, SimulatedFabric fabric, List<DeviceTarget> targets,
                         Map<String, String> desired, RunOptions options, TimedChannel channel, StatementClock sql) {

        /** Every device back to its first config, then a run that must push and verify every one. */
        Measured push() throws InterruptedException {
            for (SimulatedSwitch device : fabric.devices()) {
                device.setRunningConfig("hostname = " + device.hostname() + "\n");
                device.clearCommandLog();
            }
            Measured m = run("push", TaskState.DONE);
            for (SimulatedSwitch device : fabric.devices()) {
                if (!device.runningConfig().equals(desired.get(device.hostname()))
                        || device.configureCommands() != 1) {
                    throw new IllegalStateException(device.hostname() + " after the push: "
                            + device.configureCommands() + " configure commands, running config "
                            + (device.runningConfig().equals(desired.get(device.hostname())) ? "" : "not ")
                            + "as rendered");
                }
            }
            return m;
        }

        /** The same run again: every device must be left alone. */
        Measured noOp() throws InterruptedException {
            fabric.devices().forEach(SimulatedSwitch::clearCommandLog);
            Measured m = run("no-op", TaskState.UNCHANGED);
            long configures = fabric.devices().stream().mapToLong(SimulatedSwitch::configureCommands).sum();
            long commands = fabric.devices().stream().mapToLong(d -> d.commandLog().size()).sum();
            if (configures != 0) {
                throw new IllegalStateException("the no-op re-run sent " + configures + " configure commands");
            }
            if (commands != fabric.devices().size()) {
                throw new IllegalStateException("the no-op re-run sent " + commands + " commands to "
                        + fabric.devices().size() + " devices; expected one show running-config each");
            }
            return m;
        }

        private Measured run(String kind, TaskState expected) throws InterruptedException {
            channel.reset();
            sql.reset();
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            long id = runs.create(RunKind.CONFIG, new RunTarget("BEN1", null, null, null, null), options, "bench",
                    targets, Waves.plan(targets, options));
            RunState state = engine.execute(id);
            long wall = (System.nanoTime() - started) / 1_000_000;
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            List<TaskView> tasks = runs.tasks(id);
            List<String> wrong = tasks.stream().filter(t -> t.state() != expected)
                    .map(t -> t.device() + " " + t.state().wire() + " " + t.failureReason() + " " + t.failureDetail())
                    .limit(5).toList();
            if (state != RunState.DONE || !wrong.isEmpty()) {
                throw new IllegalStateException(kind + " run " + id + " ended " + state.wire() + "; expected every "
                        + "device " + expected.wire() + ", found " + wrong);
            }
            double[] perDevice = tasks.stream()
                    .mapToDouble(t -> Duration.between(t.startedAt(), t.finishedAt()).toNanos() / 1e6)
                    .sorted().toArray();
            long deviceMillis = Arrays.stream(TimedChannel.Phase.values()).mapToLong(channel::millis).sum();
            StringBuilder breakdown = new StringBuilder("device I/O ").append(deviceMillis).append(" ms summed:");
            for (TimedChannel.Phase phase : TimedChannel.Phase.values()) {
                if (channel.calls(phase) > 0) {
                    breakdown.append(String.format(Locale.ROOT, " %s %.1f", phase.name().toLowerCase(Locale.ROOT),
                            (double) channel.millis(phase) / channel.calls(phase)));
                }
            }
            breakdown.append(String.format(Locale.ROOT, " ms/device; SQL %d statements (%.1f/device, %d pool "
                            + "borrows) %d ms summed (%.2f ms/device)", sql.statements(),
                    (double) sql.statements() / tasks.size(), sql.borrows(), sql.millis(),
                    (double) sql.millis() / tasks.size()));
            return new Measured(kind, wall, percentile(perDevice, 50), percentile(perDevice, 99),
                    perDevice[perDevice.length - 1], cpuSeconds, breakdown.toString());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double median(List<Measured> runs, ToDoubleFunction<Measured> value) {
        double[] s = runs.stream().mapToDouble(value).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
