package io.ferrum.provisioning.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.CommandResult;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.lab.Lab;
import io.ferrum.provisioning.pipeline.ConfigChannel;
import io.ferrum.provisioning.pipeline.DeviceShellChannel;
import io.ferrum.provisioning.pipeline.DeviceTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated switch answers as the lab's device shell does: the same commands, run over SSH against the
 * simulator and as a process against {@code deploy/lab/device-shell} itself, print the same and exit the same.
 */
class SimulatedSwitchTest {

    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(20));

    private static SimulatedFabric fabric;
    private static SshDriver ssh;

    @BeforeAll
    static void start() throws Exception {
        fabric = SimulatedFabric.builder().device("sim-leaf01").device("sim-leaf02").device("sim-shell").start();
        ssh = new SshDriver(TIMEOUTS, HostKeyPins.inMemory());
    }

    @AfterAll
    static void stop() throws Exception {
        fabric.close();
    }

    private static SshTarget target(SimulatedSwitch device) {
        return new SshTarget(device.hostname(), "127.0.0.1", device.port(),
                new SshCredentials.Password(SimulatedFabric.USER, SimulatedFabric.PASSWORD));
    }

    @Test
    void answersEveryCommandAsTheLabShellDoes(@TempDir Path labDevice) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the lab shell needs bash");
        SimulatedSwitch device = fabric.device("sim-shell");
        LabShell lab = LabShell.create(labDevice, device);
        String firmware = "FERRUM-FIRMWARE 2.1.0\nimage bytes\n";
        String firmwareSha = sha256(firmware);
        List<Object[]> steps = List.of(
                new Object[] {null, null, "show running-config"},
                new Object[] {"good.conf", "# pushed\nhostname = sim-shell\nntp = 198.18.0.1\n\nsnmp.community=x\n",
                        "configure replace good.conf"},
                new Object[] {null, null, "show running-config"},
                new Object[] {"more.conf", "ntp = 198.18.0.2\nsyslog = 198.18.0.3\n  # note\n",
                        "configure merge flash:/more.conf"},
                new Object[] {null, null, "show running-config"},
                new Object[] {"bad.conf", "hostname = x\nthis is not a key value line\n", "configure replace bad.conf"},
                new Object[] {null, null, "configure replace missing.conf"},
                new Object[] {null, null, "configure merge ../state/running.conf"},
                new Object[] {"fw.bin", firmware, "install firmware fw.bin sha256 " + "0".repeat(64)},
                new Object[] {null, null, "install firmware fw.bin sha256 " + firmwareSha},
                new Object[] {"junk.bin", "not firmware\n", "install firmware junk.bin sha256 "
                        + sha256("not firmware\n")},
                new Object[] {null, null, "show running-config"},
                new Object[] {null, null, "reload"},
                new Object[] {null, null, "configure replace"});
        try (SshSession session = ssh.open(target(device))) {
            for (Object[] step : steps) {
                if (step[0] != null) {
                    Path local = labDevice.resolve("upload-" + step[0]);
                    Files.writeString(local, (String) step[1]);
                    session.upload(local, (String) step[0]);
                    Files.writeString(labDevice.resolve("flash").resolve((String) step[0]), (String) step[1]);
                }
                String command = (String) step[2];
                CommandResult simulated = session.run(command);
                LabShell.Reply real = lab.run(command);
                assertThat(simulated.exitStatus()).as("exit of '%s'", command).isEqualTo(real.exit());
                assertThat(simulated.stdout()).as("stdout of '%s'", command).isEqualTo(real.stdout());
                assertThat(simulated.stderr()).as("stderr of '%s'", command).isEqualTo(real.stderr());
            }
            assertThat(withoutUptime(session.run("show version").stdout()))
                    .isEqualTo(withoutUptime(lab.run("show version").stdout()))
                    .contains("firmware: 2.1.0");
        }
        assertThat(device.commandLog()).extracting(LoggedCommand::command)
                .containsSubsequence("configure replace good.conf", "configure merge flash:/more.conf", "reload");
    }

    @Test
    void thePipelinesShellChannelPushesAConfigAndTheLogCountsOneConfigure() throws Exception {
        SimulatedSwitch device = fabric.device("sim-leaf01");
        device.clearCommandLog();
        String config = "hostname = sim-leaf01\ninterface.Ethernet1/1.enabled = true\n";
        ConfigChannel channel = new DeviceShellChannel(ssh, d -> target(fabric.device(d.hostname())));

        try (ConfigChannel.Connection connection = channel.connect(new DeviceTarget("sim-leaf01", "127.0.0.1",
                "leaf", "r1"))) {
            assertThat(connection.running()).isEqualTo("hostname = sim-leaf01\n");
            connection.stage("ferrum-run-1.conf", config);
            connection.apply("ferrum-run-1.conf", config);
            assertThat(connection.running()).isEqualTo(config);
        }

        assertThat(device.runningConfig()).isEqualTo(config);
        assertThat(Files.readString(device.flash().resolve("ferrum-run-1.conf"))).isEqualTo(config);
        assertThat(device.configureCommands()).isEqualTo(1);
        assertThat(fabric.device("sim-leaf02").configureCommands()).isZero();
        assertThat(device.commandLog()).extracting(LoggedCommand::command).containsExactly("show running-config",
                "configure replace ferrum-run-1.conf", "show running-config");
    }

    @Test
    void eachSwitchHasItsOwnPortHostKeyAndState() throws Exception {
        SimulatedSwitch one = fabric.device("sim-leaf01");
        SimulatedSwitch two = fabric.device("sim-leaf02");
        assertThat(one.port()).isNotEqualTo(two.port());
        assertThat(one.hostKey().getPublic()).isNotEqualTo(two.hostKey().getPublic());
        try (SshSession session = ssh.open(target(two))) {
            assertThat(session.run("show version").stdout()).startsWith("hostname: sim-leaf02\nmodel: FLS-48X");
            assertThat(session.run("interface Ethernet1/3 shutdown").stdout())
                    .startsWith("interface Ethernet1/3 (Ethern-");
            assertThat(session.run("show interfaces").stdout()).containsPattern("Ethernet1/3 +Ethern-\\w+ +down +down");
            assertThat(session.run("interface Ethernet9/9 shutdown").exitStatus()).isNotZero();
            // a list, as the kill switch sends it: all or nothing
            assertThat(session.run("interface Ethernet1/4,Ethernet1/5 shutdown").stdout().lines()).hasSize(2);
            assertThat(session.run("interface Ethernet1/6,Ethernet9/9 shutdown").exitStatus()).isEqualTo(2);
            String interfaces = session.run("show interfaces").stdout();
            assertThat(interfaces).containsPattern("Ethernet1/5 +Ethern-\\w+ +down +down")
                    .containsPattern("Ethernet1/6 +Ethern-\\w+ +up +up");
        }
        assertThat(one.commandLog()).extracting(LoggedCommand::command).doesNotContain("show version");
    }

    private static String withoutUptime(String version) {
        return version.replaceAll("(?m)^uptime: .*\\n", "");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** deploy/lab/device-shell run as sshd's ForceCommand would run it, on a device directory like the lab's. */
    private record LabShell(Path script, Path dir) {

        record Reply(int exit, String stdout, String stderr) {
        }

        static LabShell create(Path dir, SimulatedSwitch like) throws Exception {
            for (String sub : List.of("state", "flash", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("state/hostname"), like.hostname() + "\n");
            Files.writeString(dir.resolve("state/serial"), like.serial() + "\n");
            Files.writeString(dir.resolve("state/model"), SimulatedSwitch.MODEL + "\n");
            Files.writeString(dir.resolve("state/firmware"), like.firmware() + "\n");
            Files.writeString(dir.resolve("state/running.conf"), like.runningConfig());
            Files.writeString(dir.resolve("state/ports.map"), "");
            return new LabShell(Lab.repoRoot().resolve("deploy/lab/device-shell"), dir);
        }

        Reply run(String command) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString(), dir.toString());
            builder.environment().put("SSH_ORIGINAL_COMMAND", command);
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("device-shell did not answer '" + command + "' within 20 s");
            }
            return new Reply(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
