package io.ferrum.provisioning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.model.db.EmbeddedPostgresServer;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.simulated.SimulatedFabric;
import io.ferrum.provisioning.simulated.SimulatedSwitch;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The canary rule against switches that speak the device shell over real SSH: a template that renders a config the
 * canary rejects halts the run, and no other switch sees as much as a login. The scripted-device test in
 * {@link PipelineEngineTest} shows the rule; this one shows it from the devices' own command logs.
 */
class CanaryOnSimulatedSwitchesTest {

    private static EmbeddedPostgresServer postgres;
    private static PipelineRuns runs;
    private static SimulatedFabric fabric;
    private static final List<DeviceTarget> POD = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("ferrum-canary-test"), true);
        DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(),
                "postgres", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        runs = new PipelineRuns(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        for (int r = 1; r <= 3; r++) {
            POD.add(new DeviceTarget("cy1-r" + r + "-leaf01", "127.0.0.1", "leaf", "r" + r));
            POD.add(new DeviceTarget("cy1-r" + r + "-leaf02", "127.0.0.1", "leaf", "r" + r));
        }
        fabric = SimulatedFabric.builder().devices(POD.stream().map(DeviceTarget::hostname).toList()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        fabric.close();
        postgres.close();
    }

    @Test
    void aTemplateTheCanaryRejectsHaltsTheRunAndNoOtherSwitchIsTouched() throws Exception {
        // the template's new line is not "key = value": every switch would reject it
        DesiredConfigs broken = (hostname, target) -> "hostname = " + hostname + "\nntp server 198.18.0.1\n";
        RunOptions options = new RunOptions(false, 4, 1, 0.0);
        long run = runs.create(RunKind.CONFIG, new RunTarget("cy1", null, null, null, null), options, "tester", POD,
                Waves.plan(POD, options));
        SshDriver ssh = new SshDriver(Timeouts.DEFAULT, HostKeyPins.inMemory());
        PipelineEngine engine = new PipelineEngine(runs, broken, List.of(new DeviceShellChannel(ssh,
                device -> new SshTarget(device.hostname(), device.address(), fabric.device(device.hostname()).port(),
                        new SshCredentials.Password(SimulatedFabric.USER, SimulatedFabric.PASSWORD)))),
                new PipelineEngine.Limits(10, 2, Duration.ofMillis(10)));

        assertThat(engine.execute(run)).isEqualTo(RunState.HALTED);

        Map<String, TaskState> states = runs.tasks(run).stream()
                .collect(Collectors.toMap(TaskView::device, TaskView::state));
        String canary = POD.get(0).hostname();
        assertThat(states.get(canary)).isEqualTo(TaskState.FAILED);
        assertThat(states).allSatisfy((device, state) -> {
            if (!device.equals(canary)) {
                assertThat(state).as(device).isEqualTo(TaskState.SKIPPED);
            }
        });
        assertThat(runs.task(run, canary).orElseThrow().failureDetail()).contains("config rejected");
        SimulatedSwitch first = fabric.device(canary);
        assertThat(first.configureCommands()).as("the canary was tried").isPositive();
        assertThat(first.runningConfig()).doesNotContain("ntp server");
        for (DeviceTarget device : POD.subList(1, POD.size())) {
            assertThat(fabric.device(device.hostname()).commandLog()).as(device.hostname() + "'s command log")
                    .isEmpty();
            try (var staged = Files.list(fabric.device(device.hostname()).flash())) {
                assertThat(staged).as(device.hostname() + "'s flash: nothing uploaded").isEmpty();
            }
        }
        assertThat(runs.find(run).orElseThrow().haltReason()).contains("over the failure budget");
    }
}
