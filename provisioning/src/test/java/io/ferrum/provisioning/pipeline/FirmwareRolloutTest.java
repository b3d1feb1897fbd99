package io.ferrum.provisioning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.db.EmbeddedPostgresServer;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.firmware.QuarantinedDevices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * The firmware kind's rules on real PostgreSQL with scripted devices: stage everywhere before activating anything,
 * nothing written to a device already right, a device that does not verify is quarantined, a halted run activates
 * nothing beyond the canary, a resumed run does not upload again. The lab test shows the same against real sshd.
 */
class FirmwareRolloutTest {

    private static final String WANTED = "4.32.1F";
    private static EmbeddedPostgresServer postgres;
    private static PipelineRuns runs;
    private static JdbcTemplate jdbc;
    private static QuarantinedDevices quarantine;
    private static Path imageFile;

    /** Devices that answer from memory and record every call, in order. */
    static final class ScriptedFirmware implements FirmwareChannel {
        final Map<String, String> versions = new ConcurrentHashMap<>();
        /** Devices whose install "succeeds" but leaves them on the old version (a bad image for that model). */
        final Set<String> installDoesNotTakeEffect = ConcurrentHashMap.newKeySet();
        final Map<String, FailureReason> failingInstall = new ConcurrentHashMap<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Connection connect(DeviceTarget device) {
            String host = device.hostname();
            return new Connection() {
                @Override
                public String version() {
                    calls.add(host + " version");
                    return versions.getOrDefault(host, "1.0.0");
                }

                @Override
                public void stage(Path file, String fileName) {
                    calls.add(host + " stage " + fileName);
                }

                @Override
                public void install(String fileName, String sha256) {
                    calls.add(host + " install");
                    FailureReason failure = failingInstall.get(host);
                    if (failure != null) {
                        throw new DriverException(failure, host, "scripted " + failure);
                    }
                    if (!installDoesNotTakeEffect.contains(host)) {
                        versions.put(host, WANTED);
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        List<String> writes() {
            return calls.stream().filter(c -> c.contains(" stage ") || c.endsWith(" install")).toList();
        }

        List<String> writesTo(String host) {
            return writes().stream().filter(c -> c.startsWith(host + " ")).toList();
        }
    }

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("ferrum-firmware-test"), true);
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(), "postgres",
                "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        runs = new PipelineRuns(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        quarantine = new QuarantinedDevices(jdbc);
        imageFile = Files.writeString(Files.createTempFile("image", ".bin"), "FERRUM-FIRMWARE " + WANTED + "\n");
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
        return runs.create(RunKind.FIRMWARE, new RunTarget("t", null, null, null, null), options, "tester", devices,
                Waves.plan(devices, options));
    }

    private static DesiredFirmware wantsEverywhere() {
        return host -> Optional.of(new DesiredFirmware.Image(WANTED, "eos-" + WANTED + ".bin", "ab".repeat(32), 20,
                imageFile));
    }

    private static PipelineEngine engine(ScriptedFirmware devices, DesiredFirmware desired) {
        return new PipelineEngine(runs, (h, t) -> "", List.of(), new PipelineEngine.Limits(10, 2, Duration.ofMillis(10)),
                desired, devices, quarantine);
    }

    private static Map<String, TaskState> states(long runId) {
        return runs.tasks(runId).stream().collect(Collectors.toMap(TaskView::device, TaskView::state));
    }

    @Test
    void stagesOnEveryDeviceBeforeActivatingAnyThenVerifies() throws Exception {
        ScriptedFirmware devices = new ScriptedFirmware();
        List<DeviceTarget> pod = pod("fa", 3);
        long run = create(pod, new RunOptions(false, 4, 1, 0.0));

        assertThat(engine(devices, wantsEverywhere()).execute(run)).isEqualTo(RunState.DONE);

        assertThat(states(run).values()).containsOnly(TaskState.DONE);
        List<String> writes = devices.writes();
        int lastStage = -1;
        int firstInstall = Integer.MAX_VALUE;
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).contains(" stage ")) {
                lastStage = i;
            } else {
                firstInstall = Math.min(firstInstall, i);
            }
        }
        assertThat(lastStage).as("every stage comes before the first install: %s", writes).isLessThan(firstInstall);
        assertThat(writes).filteredOn(w -> w.endsWith(" install")).hasSize(pod.size());
        assertThat(devices.versions.values()).containsOnly(WANTED);
    }

    @Test
    void aRerunWritesNothingAndDevicesWithoutADesireAreLeftAlone() throws Exception {
        ScriptedFirmware devices = new ScriptedFirmware();
        List<DeviceTarget> pod = pod("fb", 2);
        engine(devices, wantsEverywhere()).execute(create(pod, new RunOptions(false, 4, 1, 0.0)));
        devices.calls.clear();

        long again = create(pod, new RunOptions(false, 4, 1, 0.0));
        assertThat(engine(devices, wantsEverywhere()).execute(again)).isEqualTo(RunState.DONE);
        assertThat(states(again).values()).containsOnly(TaskState.UNCHANGED);
        assertThat(devices.writes()).isEmpty();

        devices.calls.clear();
        long none = create(pod, new RunOptions(false, 4, 1, 0.0));
        assertThat(engine(devices, host -> Optional.empty()).execute(none)).isEqualTo(RunState.DONE);
        assertThat(states(none).values()).containsOnly(TaskState.UNCHANGED);
        assertThat(devices.calls).as("no desire: not even a login").noneMatch(c -> c.startsWith("fb-"));
    }

    @Test
    void aDeviceThatDoesNotVerifyFailsAndIsQuarantinedUntilReleased() throws Exception {
        ScriptedFirmware devices = new ScriptedFirmware();
        List<DeviceTarget> pod = pod("fc", 2);
        devices.installDoesNotTakeEffect.add("fc-r2-leaf02");
        long run = create(pod, new RunOptions(false, 4, 0, 0.5));

        assertThat(engine(devices, wantsEverywhere()).execute(run)).isEqualTo(RunState.FAILED);
        TaskView bad = runs.task(run, "fc-r2-leaf02").orElseThrow();
        assertThat(bad.state()).isEqualTo(TaskState.FAILED);
        assertThat(bad.failureReason()).isEqualTo("VERIFY_MISMATCH");
        assertThat(bad.failureDetail()).contains("runs 1.0.0 after installing", "quarantined");
        assertThat(quarantine.reason("fc-r2-leaf02")).isPresent();

        devices.calls.clear();
        long next = create(pod, new RunOptions(false, 4, 0, 0.5));
        engine(devices, wantsEverywhere()).execute(next);
        assertThat(runs.task(next, "fc-r2-leaf02").orElseThrow().state()).isEqualTo(TaskState.SKIPPED);
        assertThat(runs.task(next, "fc-r2-leaf02").orElseThrow().failureReason()).isEqualTo("QUARANTINED");
        assertThat(devices.calls).noneMatch(c -> c.startsWith("fc-r2-leaf02 "));

        assertThat(quarantine.release("fc-r2-leaf02")).isTrue();
        devices.installDoesNotTakeEffect.clear();
        long released = create(pod, new RunOptions(false, 4, 0, 0.5));
        engine(devices, wantsEverywhere()).execute(released);
        assertThat(runs.task(released, "fc-r2-leaf02").orElseThrow().state()).isEqualTo(TaskState.DONE);
    }

    @Test
    void aCanaryThatFailsHaltsTheRunAndNoOtherDeviceIsActivated() throws Exception {
        ScriptedFirmware devices = new ScriptedFirmware();
        List<DeviceTarget> pod = pod("fd", 3);
        long run = create(pod, new RunOptions(false, 4, 1, 0.0));
        String canary = runs.tasks(run).stream().filter(t -> t.wave() == 0).findFirst().orElseThrow().device();
        devices.failingInstall.put(canary, FailureReason.REJECTED);

        assertThat(engine(devices, wantsEverywhere()).execute(run)).isEqualTo(RunState.HALTED);

        assertThat(devices.writes()).filteredOn(w -> w.endsWith(" install")).containsExactly(canary + " install");
        assertThat(states(run)).allSatisfy((device, state) -> assertThat(state)
                .isEqualTo(device.equals(canary) ? TaskState.FAILED : TaskState.SKIPPED));
    }

    @Test
    void aResumedRunDoesNotUploadAgainWhatItStaged() throws Exception {
        ScriptedFirmware devices = new ScriptedFirmware();
        List<DeviceTarget> pod = pod("fe", 1);
        long run = create(pod, new RunOptions(false, 4, 0, 0.0));
        // As a node that died after staging left it: every task staged and parked, the run still running.
        assertThat(runs.start(run)).isTrue();
        for (TaskView task : runs.tasks(run)) {
            runs.step(task.id(), Step.STAGE);
            runs.confirmed(task.id(), Step.STAGE, null, null);
            runs.park(task.id(), "staged");
        }
        jdbc.update("UPDATE pipeline_run SET state = 'pending' WHERE id = ?", run);

        assertThat(engine(devices, wantsEverywhere()).execute(run)).isEqualTo(RunState.DONE);

        assertThat(devices.writes()).noneMatch(w -> w.contains(" stage "));
        assertThat(devices.writes()).filteredOn(w -> w.endsWith(" install")).hasSize(2);
    }
}
