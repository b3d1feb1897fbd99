package io.ferrum.provisioning.lab;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.netconf.Datastore;
import io.ferrum.provisioning.driver.netconf.DefaultOperation;
import io.ferrum.provisioning.driver.netconf.NetconfDriver;
import io.ferrum.provisioning.driver.netconf.NetconfRpcException;
import io.ferrum.provisioning.driver.netconf.NetconfSession;
import io.ferrum.provisioning.driver.snmp.IfStatus;
import io.ferrum.provisioning.driver.snmp.InterfaceStatus;
import io.ferrum.provisioning.driver.snmp.LldpNeighbour;
import io.ferrum.provisioning.driver.snmp.SnmpClient;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.snmp.SnmpTarget;
import io.ferrum.provisioning.driver.ssh.CommandResult;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.pipeline.ConfigLeaves;
import io.ferrum.provisioning.driver.ssh.UploadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drivers against a real lab built from deploy/lab/examples/ams1-pod1.csv: OpenSSH with the device shell,
 * net-snmp with lldpd over AgentX, yuma123 netconfd. Brings the lab up once and always tears it down.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabIntegrationTest {

    private static final String LEAF = "ams1-r02-leaf01";
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static Lab lab;
    private static boolean labUp;
    private static java.nio.channels.FileChannel labLock;
    private static Path csv;
    private static CableSchedule schedule;
    private static Map<String, Lab.Device> devices;
    private static final SshDriver SSH = new SshDriver(TIMEOUTS, HostKeyPins.inMemory());
    private static final SnmpDriver SNMP = new SnmpDriver(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(30)), 1);

    @TempDir
    Path tmp;

    @BeforeAll
    static void bringUpLab() throws Exception {
        lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED lab integration tests: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));
        labLock = Lab.exclusive();
        csv = Lab.repoRoot().resolve("deploy/lab/examples/ams1-pod1.csv");
        schedule = CableSchedule.read(csv);
        long started = System.nanoTime();
        labUp = true;
        Lab.Result up = lab.up(csv);
        assertThat(up.exit()).as("lab up output:\n%s", up.output()).isZero();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("lab up took " + took.toMillis() + " ms");
        assertThat(took).as("lab up on the example").isLessThan(Duration.ofSeconds(60));
        devices = lab.inventory();
        assertThat(devices.keySet()).containsExactlyInAnyOrderElementsOf(schedule.devices());
    }

    @AfterAll
    static void tearDownLab() throws Exception {
        if (!labUp) {
            return;
        }
        Lab.Result down;
        try {
            down = lab.down();
        } finally {
            labLock.close();
        }
        assertThat(down.exit()).as("lab down output:\n%s", down.output()).isZero();
        Lab.Result namespaces = Lab.run(10, "ip", "netns", "list");
        for (String device : schedule.devices()) {
            assertThat(namespaces.output()).as("namespaces after lab down").doesNotContain(device);
        }
        assertThat(Lab.run(10, "pgrep", "-f", "/run/ferrum-lab/").output()).as("lab processes after lab down").isBlank();
    }

    private static SshTarget ssh(String device, int port) {
        Lab.Device d = devices.get(device);
        return new SshTarget(device, d.mgmtIp(), port, new SshCredentials.PrivateKey(d.user(), d.key(), null));
    }

    private static SnmpClient snmpV2(String device) {
        return SNMP.open(new SnmpTarget(device, devices.get(device).mgmtIp(), 161, new SnmpCredentials.Community("public")));
    }

    private static SnmpClient snmpV3(String device) {
        return SNMP.open(new SnmpTarget(device, devices.get(device).mgmtIp(), 161, new SnmpCredentials.UsmUser(
                "ferrum", SnmpCredentials.AuthProtocol.SHA1, "ferrum-auth-pass", SnmpCredentials.PrivProtocol.AES128,
                "ferrum-priv-pass")));
    }

    /** LLDP as every device reports it through SNMP, as (device, local port, remote device, remote port). */
    private static Set<CableSchedule.LldpView> lldpThroughSnmp() {
        Set<CableSchedule.LldpView> seen = new HashSet<>();
        for (String device : devices.keySet()) {
            try (SnmpClient client = snmpV2(device)) {
                for (LldpNeighbour n : client.lldpNeighbours()) {
                    seen.add(new CableSchedule.LldpView(device, n.localPortId(), n.remoteSysName(), n.remotePortId()));
                }
            }
        }
        return seen;
    }

    private static <T> T eventually(Duration limit, Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = probe.get();
        }
        return value;
    }

    @Test
    @Order(1)
    void lldpNeighboursReadThroughSnmpMatchEveryCable() throws Exception {
        Set<CableSchedule.LldpView> expected = schedule.expectedLldp();
        Set<CableSchedule.LldpView> seen = eventually(Duration.ofSeconds(20), LabIntegrationTest::lldpThroughSnmp,
                expected::equals);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        // The long port name was mapped to a short Linux name but LLDP still advertises the scheduled one.
        assertThat(seen).contains(new CableSchedule.LldpView(LEAF, "TenGigabitEthernet1/0/48", "ams1-r03-leaf02",
                "TenGigabitEthernet1/0/48"));
    }

    @Test
    @Order(2)
    void identityAgreesOverSnmpV3AndSsh() {
        for (Lab.Device d : devices.values()) {
            try (SnmpClient client = snmpV3(d.name())) {
                assertThat(client.systemInfo().sysName()).isEqualTo(d.name());
                assertThat(client.chassisSerial()).isEqualTo(d.serial());
            }
        }
        try (SshSession session = SSH.open(ssh(LEAF, 22))) {
            assertThat(session.run("show version").requireSuccess().stdout())
                    .contains("hostname: " + LEAF).contains("serial: " + devices.get(LEAF).serial());
        }
    }

    @Test
    @Order(3)
    void pushedConfigReadsBackIdentical() throws Exception {
        String config = "hostname = " + LEAF + "\nntp.server = 198.18.0.1\nsyslog.host = 198.18.0.1\n"
                + "interface.Ethernet1.description = to srv01\n";
        Path file = tmp.resolve("candidate.conf");
        Files.writeString(file, config);
        try (SshSession session = SSH.open(ssh(LEAF, 22))) {
            session.upload(file, "candidate.conf");
            session.run("configure replace candidate.conf").requireSuccess();
            assertThat(session.run("show running-config").requireSuccess().stdout()).isEqualTo(config);

            Path patch = tmp.resolve("patch.conf");
            Files.writeString(patch, "ntp.server = 198.18.0.2\nsnmp.location = ams1-r02\n");
            session.upload(patch, "patch.conf");
            session.run("configure merge patch.conf").requireSuccess();
            assertThat(session.run("show running-config").stdout()).isEqualTo(config.replace("198.18.0.1\nsyslog",
                    "198.18.0.2\nsyslog") + "snmp.location = ams1-r02\n");

            Files.writeString(patch, "this is not a config line\n");
            session.upload(patch, "patch.conf");
            assertThatThrownBy(() -> session.run("configure merge patch.conf").requireSuccess())
                    .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.REJECTED));
        }
    }

    @Test
    @Order(4)
    void firmwareInstallsOnlyWhenTheChecksumMatches() throws Exception {
        Path image = tmp.resolve("fls-2.4.1.bin");
        byte[] payload = ("FERRUM-FIRMWARE 2.4.1\n" + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        Files.write(image, payload);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        try (SshSession session = SSH.open(ssh(LEAF, 22))) {
            UploadResult upload = session.upload(image, "fls-2.4.1.bin");
            assertThat(upload.sha256()).isEqualTo(sha);
            CommandResult wrong = session.run("install firmware fls-2.4.1.bin sha256 " + "0".repeat(64));
            assertThat(wrong.exitStatus()).isEqualTo(4);
            assertThat(wrong.stderr()).contains("checksum mismatch");
            assertThat(session.run("show version").stdout()).contains("firmware: 1.0.0");
            session.run("install firmware fls-2.4.1.bin sha256 " + sha).requireSuccess();
            assertThat(session.run("show version").stdout()).contains("firmware: 2.4.1");
        }
    }

    @Test
    @Order(5)
    void disablingAPortShowsOperDownThroughSnmp() throws Exception {
        try (SshSession session = SSH.open(ssh(LEAF, 22)); SnmpClient snmp = snmpV2(LEAF)) {
            Supplier<InterfaceStatus> ethernet1 = () -> snmp.interfaces().stream()
                    .filter(i -> i.name().equals("Ethernet1")).findFirst().orElseThrow();
            assertThat(ethernet1.get().oper()).isEqualTo(IfStatus.UP);

            session.run("interface Ethernet1 shutdown").requireSuccess();
            InterfaceStatus down = eventually(Duration.ofSeconds(30), ethernet1, i -> i.oper() == IfStatus.DOWN);
            assertThat(down.admin()).isEqualTo(IfStatus.DOWN);
            assertThat(down.oper()).isEqualTo(IfStatus.DOWN);

            session.run("interface Ethernet1 no shutdown").requireSuccess();
            InterfaceStatus up = eventually(Duration.ofSeconds(30), ethernet1, i -> i.oper() == IfStatus.UP);
            assertThat(up.oper()).isEqualTo(IfStatus.UP);
        }
    }

    @Test
    @Order(6)
    void netconfEditConfigAndGetConfigRoundTripOnNetconfd() throws Exception {
        String filter = "<interfaces xmlns=\"urn:ferrum:lab\"/>";
        String config = "<interfaces xmlns=\"urn:ferrum:lab\"><interface><name>Ethernet1</name>"
                + "<description>to srv01</description><mtu>9000</mtu></interface><interface><name>Ethernet49</name>"
                + "<description>to spine01</description><mtu>9216</mtu></interface></interfaces>";
        try (NetconfSession nc = new NetconfDriver(SSH).open(ssh(LEAF, NetconfDriver.DEFAULT_PORT))) {
            assertThat(nc.chunked()).as("netconfd speaks base:1.1").isTrue();
            nc.lock(Datastore.CANDIDATE);
            nc.editConfig(Datastore.CANDIDATE, DefaultOperation.MERGE, config);
            nc.commit();
            nc.unlock(Datastore.CANDIDATE);
            String running = nc.getConfig(Datastore.RUNNING, filter);
            assertThat(ConfigLeaves.of(running)).isEqualTo(ConfigLeaves.of(config));

            assertThatThrownBy(() -> nc.editConfig(Datastore.CANDIDATE, DefaultOperation.MERGE,
                    "<interfaces xmlns=\"urn:ferrum:lab\"><interface><name>Ethernet1</name><mtu>20000</mtu>"
                            + "</interface></interfaces>"))
                    .isInstanceOfSatisfying(NetconfRpcException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                        assertThat(e.errors()).isNotEmpty();
                    });
            nc.discardChanges();

            // A confirmed commit that is never confirmed must roll back by itself (RFC 6241 8.4: at the latest when
            // the confirm timeout passes, or as soon as the session that issued it ends).
            nc.editConfig(Datastore.CANDIDATE, DefaultOperation.MERGE, "<interfaces xmlns=\"urn:ferrum:lab\">"
                    + "<interface><name>Ethernet1</name><mtu>1500</mtu></interface></interfaces>");
            nc.commitConfirmed(Duration.ofSeconds(2));
            assertThat(nc.getConfig(Datastore.RUNNING, filter)).contains("<mtu>1500</mtu>");
        }
        try (NetconfSession nc = new NetconfDriver(SSH).open(ssh(LEAF, NetconfDriver.DEFAULT_PORT))) {
            String afterRollback = eventually(Duration.ofSeconds(15), () -> nc.getConfig(Datastore.RUNNING, filter),
                    s -> s.contains("<mtu>9000</mtu>"));
            assertThat(ConfigLeaves.of(afterRollback)).isEqualTo(ConfigLeaves.of(config));
        }
    }

    @Test
    @Order(7)
    void miswiringIsSeenThroughTheDriver() throws Exception {
        Lab.Result miswire = lab.miswire("C-0005", "C-0006");
        assertThat(miswire.exit()).as(miswire.output()).isZero();
        Set<CableSchedule.LldpView> expected = schedule.expectedLldp();
        Set<CableSchedule.LldpView> seen = eventually(Duration.ofSeconds(30), LabIntegrationTest::lldpThroughSnmp,
                s -> s.size() == expected.size() && !s.equals(expected)
                        && s.contains(new CableSchedule.LldpView(LEAF, "Ethernet1", "ams1-r03-srv02", "eth0")));
        Set<CableSchedule.LldpView> unexpected = new HashSet<>(seen);
        unexpected.removeAll(expected);
        assertThat(unexpected).containsExactlyInAnyOrder(
                new CableSchedule.LldpView(LEAF, "Ethernet1", "ams1-r03-srv02", "eth0"),
                new CableSchedule.LldpView("ams1-r03-srv02", "eth0", LEAF, "Ethernet1"),
                new CableSchedule.LldpView("ams1-r03-leaf02", "Ethernet1", "ams1-r02-srv01", "eth0"),
                new CableSchedule.LldpView("ams1-r02-srv01", "eth0", "ams1-r03-leaf02", "Ethernet1"));
        Lab.Result verify = lab.verifyLldp(csv);
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.output()).contains("C-0005").contains("C-0006").doesNotContain("C-0001:");
    }
}
