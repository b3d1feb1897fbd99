package io.ferrum.provisioning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.db.EmbeddedPostgresServer;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's rules on real PostgreSQL with scripted devices: what a run writes to which device, in which order,
 * and what it leaves alone. The lab tests show the same against real sshd.
 */
class PipelineEngineTest {

    private static EmbeddedPostgresServer postgres;
    private static PipelineRuns runs;
    private static JdbcTemplate jdbc;
    private static DataSource dataSource;

    /** Devices that answer from memory and record every call. */
    static final class ScriptedDevices implements ConfigChannel {
        final Map<String, String> running = new ConcurrentHashMap<>();
        final Map<String, FailureReason> failing = new ConcurrentHashMap<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> staged = new ConcurrentHashMap<>();

        @Override
        public Connection connect(DeviceTarget device) {
            call(device, "login");
            return new Connection() {
                @Override
                public String running() {
                    call(device, "running");
                    return ScriptedDevices.this.running.getOrDefault(device.hostname(),
                            "hostname = " + device.hostname() + "\n");
                }

                @Override
                public void stage(String fileName, String config) {
                    call(device, "stage");
                    staged.put(device.hostname(), config);
                }

                @Override
                public void apply(String fileName, String config) {
                    call(device, "apply");
                    ScriptedDevices.this.running.put(device.hostname(), staged.get(device.hostname()));
                }

                @Override
                public void close() {
                }
            };
        }

        private void call(DeviceTarget device, String what) {
            FailureReason failure = failing.get(device.hostname());
            if (failure != null) {
                calls.add(device.hostname() + " " + what + " failed");
                throw new DriverException(failure, device.hostname(), "scripted " + failure);
            }
            calls.add(device.hostname() + " " + what);
        }

        List<String> writesTo(String device) {
            return calls.stream().filter(c -> c.startsWith(device + " ") && (c.endsWith("stage") || c.endsWith("apply")))
                    .toList();
        }
    }

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("ferrum-pipeline-test"), true);
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(), "postgres",
                "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        runs = new PipelineRuns(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static List<DeviceTarget> pod(String prefix, int leafPairs) {
        List<DeviceTarget> devices = new ArrayList<>();
        for (int r = 1; r <= leafPairs; r++) {
            devices.add(new DeviceTarget(prefix + "-r" + r + "-leaf01", "198.18.1." + r, "leaf", "r" + r));
            devices.add(new DeviceTarget(prefix + "-r" + r + "-leaf02", "198.18.2." + r, "leaf", "r" + r));
        }
        return devices;
    }

    private static long create(List<DeviceTarget> devices, RunOptions options) {
        return runs.create(RunKind.CONFIG, new RunTarget("t", null, null, null, null), options, "tester", devices,
                Waves.plan(devices, options));
    }

    private static PipelineEngine engine(ScriptedDevices devices, DesiredConfigs desired) {
        return new PipelineEngine(runs, desired, List.of(devices), new PipelineEngine.Limits(10, 2, Duration.ofMillis(10)));
    }

    private static DesiredConfigs rendered() {
        return (hostname, target) -> "hostname = " + hostname + "\nntp = 198.18.0.1\n";
    }

    private static Map<String, TaskState> states(long run) {
        return runs.tasks(run).stream().collect(Collectors.toMap(TaskView::device, TaskView::state));
    }

    @Test
    void everyDeviceIsPushedAndVerifiedThenASecondRunWritesNothing() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        List<DeviceTarget> pod = pod("a", 3);

        assertThat(engine(devices, rendered()).execute(create(pod, new RunOptions(false, 4, 1, 0))))
                .isEqualTo(RunState.DONE);
        assertThat(devices.calls).filteredOn(c -> c.endsWith("apply")).hasSize(6);
        devices.calls.clear();

        long again = create(pod, new RunOptions(false, 4, 1, 0));
        assertThat(engine(devices, rendered()).execute(again)).isEqualTo(RunState.DONE);
        assertThat(states(again).values()).containsOnly(TaskState.UNCHANGED);
        assertThat(devices.calls).allSatisfy(c -> assertThat(c).matches(".* (login|running)"));
    }

    @Test
    void theTimelineRecordsEveryStepBeforeItsEffectAndEveryConfirmationAfter() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        List<DeviceTarget> pod = pod("h", 1);
        long push = create(pod, new RunOptions(false, 2, 0, 0));
        assertThat(engine(devices, rendered()).execute(push)).isEqualTo(RunState.DONE);
        long again = create(pod, new RunOptions(false, 2, 0, 0));
        assertThat(engine(devices, rendered()).execute(again)).isEqualTo(RunState.DONE);

        assertThat(timeline(push, "h-r1-leaf01")).containsExactly("check running", "check running confirmed",
                "stage running", "stage running confirmed", "apply running", "apply running confirmed",
                "verify running", "verify running confirmed", "- done");
        assertThat(timeline(again, "h-r1-leaf01")).containsExactly("check running", "check running confirmed",
                "- unchanged");
        TaskView pushed = runs.task(push, "h-r1-leaf01").orElseThrow();
        assertThat(pushed.confirmedStep()).isEqualTo(Step.VERIFY);
        assertThat(pushed.runningSha256()).isEqualTo(pushed.desiredSha256());
        assertThat(runs.diff(push, "h-r1-leaf01").orElseThrow()).contains("+ntp = 198.18.0.1");
    }

    private static List<String> timeline(long run, String device) {
        return runs.timeline(runs.task(run, device).orElseThrow().id()).stream()
                .map(e -> (e.get("step") == null ? "-" : e.get("step")) + " " + e.get("state")
                        + (e.get("detail") == null ? "" : " " + e.get("detail")))
                .toList();
    }

    @Test
    void aTemplateThatBreaksTheCanaryHaltsTheRunBeforeAnyOtherDeviceIsTouched() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        List<DeviceTarget> pod = pod("b", 3);
        DesiredConfigs broken = (hostname, target) -> {
            throw new DesiredConfigs.DesiredConfigException("templates/colo-pod/shell/device.j2:7: Unknown token "
                    + "found: i.sped (rendering " + hostname + ")", null);
        };
        long run = create(pod, RunOptions.DEFAULTS);

        assertThat(engine(devices, broken).execute(run)).isEqualTo(RunState.HALTED);

        Map<String, TaskState> states = states(run);
        assertThat(states.get("b-r1-leaf01")).isEqualTo(TaskState.FAILED);
        assertThat(states.values().stream().filter(s -> s == TaskState.SKIPPED)).hasSize(5);
        assertThat(devices.calls).as("no device touched at all").isEmpty();
        TaskView canary = runs.task(run, "b-r1-leaf01").orElseThrow();
        assertThat(canary.failureReason()).isEqualTo("TEMPLATE_ERROR");
        assertThat(canary.failureDetail()).contains("device.j2:7");
        assertThat(runs.find(run).orElseThrow().haltReason()).contains("over the failure budget");
    }

    @Test
    void anUnreachableDeviceFailsAloneWithinTheBudgetAndIsRetriedOnlyForRetryableReasons() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        List<DeviceTarget> pod = pod("c", 3);
        devices.failing.put("c-r2-leaf01", FailureReason.UNREACHABLE);
        devices.failing.put("c-r3-leaf01", FailureReason.AUTH_FAILED);
        long run = create(pod, new RunOptions(false, 4, 1, 0.5));

        assertThat(engine(devices, rendered()).execute(run)).isEqualTo(RunState.FAILED);

        Map<String, TaskState> states = states(run);
        assertThat(states.get("c-r2-leaf01")).isEqualTo(TaskState.FAILED);
        assertThat(states.get("c-r3-leaf01")).isEqualTo(TaskState.FAILED);
        assertThat(states.values().stream().filter(s -> s == TaskState.DONE)).hasSize(4);
        // UNREACHABLE is retried (2 attempts), AUTH_FAILED is not: each attempt fails at login
        assertThat(devices.calls).filteredOn(c -> c.startsWith("c-r2-leaf01")).hasSize(2);
        assertThat(devices.calls).filteredOn(c -> c.startsWith("c-r3-leaf01")).hasSize(1);
        assertThat(runs.task(run, "c-r2-leaf01").orElseThrow().failureReason()).isEqualTo("UNREACHABLE");

        devices.failing.clear();
        assertThat(runs.retryFailed(run)).isEqualTo(2);
        devices.calls.clear();
        assertThat(engine(devices, rendered()).execute(run)).isEqualTo(RunState.DONE);
        assertThat(devices.calls).allSatisfy(c -> assertThat(c).matches("c-r[23]-leaf01 .*"));
    }

    @Test
    void aTaskResumedInApplyWhoseConfigIsAlreadyThereIsConfirmedNotPushedAgain() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        List<DeviceTarget> pod = pod("d", 1);
        long run = create(pod, new RunOptions(false, 2, 0, 0));
        // as a node killed right after configure replace leaves it: the device has the config, the task says apply
        TaskView task = runs.task(run, "d-r1-leaf01").orElseThrow();
        runs.start(run);
        runs.step(task.id(), Step.APPLY);
        devices.running.put("d-r1-leaf01", rendered().config("d-r1-leaf01", "shell"));

        assertThat(engine(devices, rendered()).execute(run)).isEqualTo(RunState.DONE);

        assertThat(devices.writesTo("d-r1-leaf01")).isEmpty();
        assertThat(runs.task(run, "d-r1-leaf01").orElseThrow().state()).isEqualTo(TaskState.DONE);
        assertThat(runs.task(run, "d-r1-leaf01").orElseThrow().failureDetail()).contains("confirmed after resume");
        assertThat(devices.writesTo("d-r1-leaf02")).containsExactly("d-r1-leaf02 stage", "d-r1-leaf02 apply");
    }

    @Test
    void aDryRunStoresTheDiffAndWritesNothing() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        long run = create(pod("e", 1), new RunOptions(true, 2, 1, 0));

        assertThat(engine(devices, rendered()).execute(run)).isEqualTo(RunState.DONE);

        assertThat(devices.writesTo("e-r1-leaf01")).isEmpty();
        assertThat(runs.diff(run, "e-r1-leaf01").orElseThrow()).contains("+ntp = 198.18.0.1");
    }

    @Test
    void twoSchedulersInOneJvmStayIndependentWhenOneShutsDown() throws Exception {
        // as two application contexts in one JVM (a CLI command beside a server, or tests): Quartz's JVM-wide
        // registries must not hand both the same scheduler, or closing one stops the other
        ScriptedDevices devices = new ScriptedDevices();
        PipelineScheduler first = new PipelineScheduler(dataSource, engine(devices, rendered()), runs, 1, 1000);
        PipelineScheduler second = new PipelineScheduler(dataSource, engine(devices, rendered()), runs, 1, 1000);
        try {
            first.start();
            second.start();
            first.close();
            long run = create(pod("g", 1), new RunOptions(false, 2, 0, 0));
            second.submit(run);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!runs.state(run).finished() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(runs.state(run)).isEqualTo(RunState.DONE);
        } finally {
            second.close();
        }
    }

    @Test
    void aCancelledRunLeavesItsUntouchedDevicesCancelled() throws Exception {
        ScriptedDevices devices = new ScriptedDevices();
        long run = create(pod("f", 2), RunOptions.DEFAULTS);

        assertThat(runs.cancel(run)).isTrue();
        assertThat(engine(devices, rendered()).execute(run)).isEqualTo(RunState.CANCELLED);

        assertThat(states(run).values()).containsOnly(TaskState.CANCELLED);
        assertThat(devices.calls).isEmpty();
        assertThat(runs.cancel(run)).as("cancelling twice").isFalse();
    }
}
