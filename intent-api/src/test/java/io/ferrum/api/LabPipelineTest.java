package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.IfStatus;
import io.ferrum.provisioning.driver.snmp.InterfaceStatus;
import io.ferrum.provisioning.driver.snmp.SnmpClient;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.snmp.SnmpTarget;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.netconf.NetconfDriver;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.lab.Lab;
import io.ferrum.provisioning.pipeline.ConfigLeaves;
import io.ferrum.provisioning.pipeline.DeviceTarget;
import io.ferrum.provisioning.pipeline.NetconfChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop of issue 9 part 1: examples/lab-site.yaml is applied through the API, its exports are downloaded, and
 * {@code deploy/lab/lab up --from} builds exactly that: every device at its intended management address answers with
 * its intended hostname and serial, LLDP on every data cable shows the scheduled far end, and every exchange hand-off
 * is up towards a venue device. Then config runs push every device's rendered config through the device shell, a
 * second run writes nothing, and a device that cannot be reached fails alone and is retried.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabPipelineTest extends ApiTestBase {

    private static final SnmpDriver SNMP = new SnmpDriver(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(30)), 1);
    private static Lab lab;
    private static java.nio.channels.FileChannel labLock;

    @TempDir
    static Path exports;
    private static boolean labBuilt;

    @AfterAll
    static void tearDown() throws Exception {
        if (labLock == null) {
            return;
        }
        try {
            Lab.Result down = lab.down();
            assertThat(down.exit()).as("lab down:\n%s", down.output()).isZero();
            assertThat(Lab.run(10, "ip", "netns", "list").output()).doesNotContain("lab1-", "venue-");
        } finally {
            labLock.close();
        }
    }

    @Test
    @Order(1)
    void theLabIsBuiltFromTheSitesOwnExports() throws Exception {
        lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED lab-from-intent test: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));

        String definition = Files.readString(Lab.repoRoot().resolve("examples/lab-site.yaml"));
        var planned = admin.send("POST", "/api/v1/plans?fileName=lab-site.yaml", definition, null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        var applied = admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        for (String[] file : LabRuns.EXPORTS) {
            var export = admin.get("/api/v1/sites/lab1/exports/" + file[1]);
            assertThat(export.status()).isEqualTo(200);
            Files.writeString(exports.resolve(file[0]), export.body(), StandardCharsets.UTF_8);
        }
        List<Map<String, String>> inventory = rows(exports.resolve("device-inventory.csv"));
        List<Map<String, String>> handoffs = rows(exports.resolve("exchange-handoffs.csv"));
        assertThat(inventory.stream().filter(d -> !d.get("role").equals("server")).count())
                .as("network devices").isGreaterThanOrEqualTo(20);
        assertThat(inventory.stream().filter(d -> d.get("role").equals("server")).count()).isGreaterThanOrEqualTo(3);
        assertThat(handoffs).hasSizeGreaterThanOrEqualTo(100);
        assertThat(handoffs.stream().map(h -> h.get("exchange")).distinct().count()).isGreaterThanOrEqualTo(3);
        for (Map<String, String> device : inventory) {
            assertThat(inBenchmarkRange(device.get("mgmt_address"))).as(device.get("mgmt_address")).isTrue();
        }

        labLock = Lab.exclusive();
        Lab.Result up = lab.upFrom(exports);
        assertThat(up.exit()).as("lab up:\n%s", up.output()).isZero();
        labBuilt = true;

        // Each device at its intended address, with its intended hostname and serial.
        Map<String, Lab.Device> built = lab.inventory();
        assertThat(built.keySet()).containsExactlyInAnyOrderElementsOf(
                inventory.stream().map(d -> d.get("hostname")).toList());
        for (Map<String, String> device : inventory) {
            String ip = device.get("mgmt_address").substring(0, device.get("mgmt_address").indexOf('/'));
            assertThat(built.get(device.get("hostname")).mgmtIp()).isEqualTo(ip);
            try (SnmpClient snmp = snmp(device.get("hostname"), ip)) {
                assertThat(snmp.systemInfo().sysName()).isEqualTo(device.get("hostname"));
                assertThat(snmp.chassisSerial()).as(device.get("hostname")).isEqualTo(device.get("serial"));
            }
        }

        // The cabling is the schedule's.
        Lab.Result lldp = lab.verifyLldp(exports.resolve("cable-schedule.csv"));
        assertThat(lldp.exit()).as("verify-lldp:\n%s", lldp.output()).isZero();

        // Every hand-off is a live link from its border to its venue.
        Map<String, List<String>> handoffPorts = handoffs.stream().collect(Collectors.groupingBy(h -> h.get("device"),
                LinkedHashMap::new, Collectors.mapping(h -> h.get("port"), Collectors.toList())));
        for (Map.Entry<String, List<String>> border : handoffPorts.entrySet()) {
            Map<String, InterfaceStatus> byName = new HashMap<>();
            try (SnmpClient snmp = snmp(border.getKey(), built.get(border.getKey()).mgmtIp())) {
                snmp.interfaces().forEach(i -> byName.put(i.name(), i));
            }
            for (String port : border.getValue()) {
                assertThat(byName).as(border.getKey() + " " + port).containsKey(port);
                assertThat(byName.get(port).oper()).as(border.getKey() + " " + port).isEqualTo(IfStatus.UP);
            }
        }
        String venues = Lab.run(10, "ip", "netns", "list").output();
        for (String exchange : handoffs.stream().map(h -> h.get("exchange")).distinct().toList()) {
            assertThat(venues).contains("venue-" + exchange.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    @Order(2)
    void aConfigRunPushesEveryDevicesRenderedConfigAndASecondRunWritesNothing() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        List<String> devices = networkDevices();

        var first = runToEnd(map("kind", "config", "target", map("site", "lab1"), "concurrency", 8));
        assertThat(first.get("run").get("state").asString()).as(first.toString()).isEqualTo("done");
        assertThat(states(first)).as(first.toString()).containsOnlyKeys("done").containsEntry("done", devices.size());
        for (String device : devices) {
            String rendered = admin.get("/api/v1/devices/" + deviceId(device) + "/config").body();
            assertThat(normalized(shell(device, "show running-config"))).as(device).isEqualTo(normalized(rendered));
            assertThat(LabRuns.configureCommands(device)).as(device).isEqualTo(1);
        }

        var second = runToEnd(map("kind", "config", "target", map("site", "lab1"), "concurrency", 8));
        assertThat(second.get("run").get("state").asString()).isEqualTo("done");
        // figures for BENCHMARKS.md (reported, never asserted)
        System.out.printf("lab config run, %d devices, concurrency 8: push %d ms, no-op re-run %d ms%n",
                devices.size(), millis(first), millis(second));
        assertThat(states(second)).containsOnlyKeys("unchanged");
        for (String device : devices) {
            // the devices' own command logs: no configure in the second run
            assertThat(LabRuns.configureCommands(device)).as(device).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void anUnreachableDeviceFailsAloneAndRetryFailedFinishesIt() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        String victim = "lab1-r02-leaf01";
        long port = admin.get("/api/v1/ports?device=" + victim + "&name=Ethernet49").json().get("items").get(0)
                .get("id").asLong();
        assertThat(admin.post("/api/v1/ports/" + port + "/disable", "").status()).isEqualTo(200);
        Lab.Result stopped = Lab.run(30, Lab.repoRoot().resolve("deploy/lab/lab").toString(), "daemon", victim,
                "sshd", "stop");
        assertThat(stopped.exit()).as(stopped.output()).isZero();

        var run = runToEnd(map("kind", "config", "target", map("site", "lab1"), "failureBudget", 0.5));
        assertThat(run.get("run").get("state").asString()).isEqualTo("failed");
        Map<String, JsonNodeView> tasks = tasks(run);
        assertThat(tasks.get(victim).state()).isEqualTo("failed");
        assertThat(tasks.get(victim).reason()).isEqualTo("UNREACHABLE");
        assertThat(tasks.values()).filteredOn(t -> !t.device().equals(victim))
                .allSatisfy(t -> assertThat(t.state()).as(t.device()).isEqualTo("unchanged"));

        Lab.Result started = Lab.run(30, Lab.repoRoot().resolve("deploy/lab/lab").toString(), "daemon", victim,
                "sshd", "start");
        assertThat(started.exit()).as(started.output()).isZero();
        long id = run.get("run").get("id").asLong();
        var retried = admin.post("/api/v1/pipeline-runs/" + id + "/retry-failed", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        var after = waitForEnd(id);
        assertThat(after.get("run").get("state").asString()).isEqualTo("done");
        assertThat(tasks(after).get(victim).state()).isEqualTo("done");
        assertThat(shell(victim, "show running-config")).contains("interface.Ethernet49.enabled = false");
        var diff = admin.get("/api/v1/pipeline-runs/" + id + "/tasks/" + victim + "/diff");
        assertThat(diff.body()).contains("-interface.Ethernet49.enabled = true", "+interface.Ethernet49.enabled = false");
    }

    @Test
    @Order(4)
    void netconfRunsCommitConfirmedAndAConfigThatFailsVerificationRollsBack() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        List<String> targets = List.of("lab1-border01", "lab1-r01-leaf01");
        var first = runToEnd(map("kind", "config", "channel", "netconf", "target", map("devices", targets)));
        assertThat(first.get("run").get("state").asString()).as(first.toString()).isEqualTo("done");
        assertThat(states(first)).containsOnlyKeys("done");
        NetconfChannel channel = netconf(Duration.ofSeconds(3));
        for (String device : targets) {
            String rendered = admin.get("/api/v1/devices/" + deviceId(device) + "/config?target=netconf").body();
            assertThat(channel.running(target(device))).as(device).isEqualTo(ConfigLeaves.of(rendered));
        }
        var again = runToEnd(map("kind", "config", "channel", "netconf", "target", map("devices", targets)));
        assertThat(states(again)).containsOnlyKeys("unchanged");

        // A push whose read-back does not verify is never confirmed: the real netconfd rolls it back.
        DeviceTarget leaf = target("lab1-r01-leaf01");
        String before = channel.running(leaf);
        String changed = admin.get("/api/v1/devices/" + deviceId("lab1-r01-leaf01") + "/config?target=netconf").body()
                .replace("rendered by Ferrum", "pushed by a test");
        assertThatThrownBy(() -> channel.applyExpecting(leaf, changed, before))
                .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.getMessage()).contains("rolls back"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String after = channel.running(leaf);
        while (!after.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = channel.running(leaf);
        }
        assertThat(after).as("running config after the unconfirmed commit").isEqualTo(before);
    }

    private NetconfChannel netconf(Duration confirmTimeout) {
        SshDriver ssh = new SshDriver(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(30)), HostKeyPins.inMemory());
        return new NetconfChannel(new NetconfDriver(ssh), device -> new SshTarget(device.hostname(),
                device.address(), 22, new SshCredentials.PrivateKey("root", Path.of("/run/ferrum-lab/id_ed25519"),
                null)), confirmTimeout);
    }

    @Test
    @Order(5)
    void aFirmwareRunInstallsTheCataloguesVersionEverywhereAndASecondRunUploadsNothing() throws Exception {
        Assumptions.assumeTrue(labBuilt, "the lab is not up");
        Map<String, String> versions = Map.of("eos", "4.32.1F-lab", "opengear", "5.2.4-lab");
        for (Map.Entry<String, String> platform : versions.entrySet()) {
            byte[] image = ("FERRUM-FIRMWARE " + platform.getValue() + "\n" + "lab image payload\n".repeat(20_000))
                    .getBytes(StandardCharsets.UTF_8);
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(image));
            var uploaded = admin.sendBytes("POST", "/api/v1/firmware-images?name=" + platform.getKey() + "-"
                    + platform.getValue() + ".bin&platform=" + platform.getKey() + "&version=" + platform.getValue()
                    + "&sha256=" + sha, image, "application/octet-stream");
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            long id = admin.get("/api/v1/platforms").json().valueStream()
                    .filter(p -> p.get("name").asString().equals(platform.getKey())).findFirst().orElseThrow()
                    .get("id").asLong();
            var desired = admin.put("/api/v1/platforms/" + id + "/desired-firmware",
                    map("version", platform.getValue()), null);
            assertThat(desired.status()).as(desired.body()).isEqualTo(200);
        }
        List<String> devices = networkDevices();

        var first = runToEnd(map("kind", "firmware", "target", map("site", "lab1"), "concurrency", 8));
        assertThat(first.get("run").get("state").asString()).as(first.toString()).isEqualTo("done");
        // servers have no platform, so no desired firmware: left alone
        assertThat(tasks(first).values()).filteredOn(t -> devices.contains(t.device()))
                .allSatisfy(t -> assertThat(t.state()).as(t.device()).isEqualTo("done"));
        Map<String, Long> uploads = new HashMap<>();
        for (String device : devices) {
            String platform = device.contains("console") ? "opengear" : "eos";
            assertThat(shell(device, "show version")).as(device).contains("firmware: " + versions.get(platform));
            uploads.put(device, logged(device, "sftp-server"));
            assertThat(logged(device, "install firmware")).as(device).isEqualTo(1);
        }
        assertThat(uploads.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(1));

        var second = runToEnd(map("kind", "firmware", "target", map("site", "lab1"), "concurrency", 8));
        assertThat(second.get("run").get("state").asString()).isEqualTo("done");
        System.out.printf("lab firmware run, %d devices, concurrency 8: install %d ms, no-op re-run %d ms%n",
                devices.size(), millis(first), millis(second));
        assertThat(states(second)).containsOnlyKeys("unchanged");
        for (String device : devices) {
            // the devices' own logs: no upload and no install in the second run
            assertThat(logged(device, "sftp-server")).as(device).isEqualTo(uploads.get(device));
            assertThat(logged(device, "install firmware")).as(device).isEqualTo(1);
        }
    }

    /** How many lines of a lab device's own command log contain {@code what}. */
    private static long logged(String device, String what) throws Exception {
        Path log = Path.of("/run/ferrum-lab/dev", device, "log", "commands.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(what)).count() : 0;
    }

    private static DeviceTarget target(String device) throws Exception {
        return new DeviceTarget(device, lab.inventory().get(device).mgmtIp(), null, null);
    }

    record JsonNodeView(String device, String state, String reason) {
    }

    private static Map<String, JsonNodeView> tasks(tools.jackson.databind.JsonNode run) {
        Map<String, JsonNodeView> tasks = new LinkedHashMap<>();
        for (var t : run.get("tasks")) {
            tasks.put(t.get("device").asString(), new JsonNodeView(t.get("device").asString(),
                    t.get("state").asString(), t.hasNonNull("failureReason") ? t.get("failureReason").asString()
                    : null));
        }
        return tasks;
    }

    private static long millis(tools.jackson.databind.JsonNode run) {
        return Duration.between(java.time.Instant.parse(run.get("run").get("startedAt").asString()),
                java.time.Instant.parse(run.get("run").get("finishedAt").asString())).toMillis();
    }

    private static Map<String, Integer> states(tools.jackson.databind.JsonNode run) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        run.get("run").get("counts").properties().forEach(e -> {
            if (e.getValue().asInt() > 0) {
                counts.put(e.getKey(), e.getValue().asInt());
            }
        });
        return counts;
    }

    private tools.jackson.databind.JsonNode runToEnd(Map<String, Object> request) throws InterruptedException {
        var started = admin.post("/api/v1/pipeline-runs", request);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return waitForEnd(started.json().get("run").get("id").asLong());
    }

    private tools.jackson.databind.JsonNode waitForEnd(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        tools.jackson.databind.JsonNode run = admin.get("/api/v1/pipeline-runs/" + id).json();
        while (!LabRuns.FINAL.contains(run.get("run").get("state").asString())
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
            run = admin.get("/api/v1/pipeline-runs/" + id).json();
        }
        return run;
    }

    private List<String> networkDevices() throws Exception {
        return rows(exports.resolve("device-inventory.csv")).stream().filter(d -> !d.get("role").equals("server"))
                .map(d -> d.get("hostname")).toList();
    }

    private long deviceId(String hostname) {
        return admin.get("/api/v1/devices?hostname=" + hostname).json().get("items").get(0).get("id").asLong();
    }

    private static String shell(String device, String command) throws Exception {
        Lab.Device d = lab.inventory().get(device);
        Lab.Result r = Lab.run(30, "ssh", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "-i", d.key().toString(), d.user() + "@" + d.mgmtIp(),
                command);
        assertThat(r.exit()).as(r.output()).isZero();
        return r.output();
    }

    private static String normalized(String config) {
        return config.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    private static SnmpClient snmp(String device, String ip) {
        return SNMP.open(new SnmpTarget(device, ip, 161, new SnmpCredentials.Community("public")));
    }

    private static boolean inBenchmarkRange(String cidr) {
        return new inet.ipaddr.IPAddressString("198.18.0.0/15").getAddress()
                .contains(new inet.ipaddr.IPAddressString(cidr).getAddress().withoutPrefixLength());
    }

    /** The export's rows by column name (these exports hold no quoted fields). */
    private static List<Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], fields[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
