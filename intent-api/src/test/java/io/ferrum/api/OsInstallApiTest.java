package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ipmi.IpmiDriver;
import io.ferrum.provisioning.driver.ipmi.IpmiSim;
import io.ferrum.provisioning.driver.ipmi.PowerState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The os-install kind against real BMCs (OpenIPMI's ipmi_sim on loopback addresses, powering a stand-in machine),
 * with the test playing the network-booting server: iPXE's requests, the deploy agent's calls under its one-time
 * token, the installed OS's report. A BMC that does not answer fails the task UNREACHABLE with the server untouched;
 * an agent that never calls back fails the deploy after the configured wait and the server is powered off. (The
 * same path on real virtual machines with the real agent: {@link LabBareMetalTest}.)
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
class OsInstallApiTest extends ApiTestBase {

    private static final int BMC_PORT = freePort();
    private static final String OCTETS = "application/octet-stream";
    private static final Pattern TOKEN = Pattern.compile("ferrum\\.token=(\\S+)");
    private static final List<IpmiSim> BMCS = new java.util.ArrayList<>();
    private static String site;
    private static Map<String, Long> servers;

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void bareMetal(DynamicPropertyRegistry registry) {
        registry.add("ferrum.baremetal.bmc-port", () -> BMC_PORT);
        registry.add("ferrum.baremetal.bmc-timeout", () -> "2s");
        registry.add("ferrum.baremetal.callback-timeout", () -> "4s");
        registry.add("ferrum.baremetal.verify-timeout", () -> "20s");
        registry.add("ferrum.baremetal.poll", () -> "100ms");
        registry.add("ferrum.pipelines.max-attempts", () -> "1");
    }

    private static int freePort() {
        try {
            return IpmiSim.freeUdpPort();
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopBmcs() {
        BMCS.forEach(IpmiSim::close);
    }

    @BeforeEach
    void site() {
        var missing = IpmiSim.whyUnavailable();
        if (missing.isPresent()) {
            System.out.println("SKIPPED os-install API test: " + missing.get());
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        if (site != null) {
            return;
        }
        String[] fresh = SiteDefinitions.freshSmallSite();
        // BMCs on loopback addresses, where the test's ipmi_sim answer and nothing else is reached
        String definition = fresh[1].replaceAll("(?m)^(\\s*bmc:\\s*)\\S+", "$1127.77.0.0/22");
        var planned = admin.send("POST", "/api/v1/plans", definition, null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        var applied = admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        site = fresh[0];
        servers = new LinkedHashMap<>();
        admin.get("/api/v1/servers?site=" + site).json().forEach(s -> servers.put(s.get("hostname").asString(),
                s.get("id").asLong()));
        var credential = admin.put("/api/v1/credentials/" + site + "-bmc", map("kind", "bmc-password", "username",
                IpmiSim.USER, "secret", IpmiSim.PASSWORD, "scope", map("site", site)), null);
        assertThat(credential.status()).as(credential.body()).isIn(200, 201);
    }

    private String server(int index) {
        return servers.keySet().stream().skip(index).findFirst().orElseThrow();
    }

    private String bmcAddress(String hostname) {
        return jdbc.queryForObject("SELECT host(a.address) FROM device d JOIN ip_address a ON a.id = d.primary_ip_id "
                + "WHERE d.hostname = ?", String.class, hostname);
    }

    private IpmiSim bmc(String hostname, Path dir) throws Exception {
        IpmiSim sim = IpmiSim.withMachine(dir, bmcAddress(hostname), BMC_PORT);
        BMCS.add(sim);
        return sim;
    }

    private String image(String version, byte[] bytes) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        var stored = admin.sendBytes("POST", "/api/v1/os-images?name=test-os&version=" + version + "&format=raw&sha256="
                + sha, bytes, OCTETS);
        assertThat(stored.status()).as(stored.body()).isIn(201);
        return "test-os@" + version;
    }

    private long run(String hostname, String image) {
        var started = admin.post("/api/v1/pipeline-runs", map("kind", "os-install", "target", map("devices",
                List.of(hostname)), "image", image));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("run").get("id").asLong();
    }

    private JsonNode provisioning(String hostname) {
        return admin.get("/api/v1/servers/" + servers.get(hostname) + "/provisioning").json();
    }

    private JsonNode awaitState(String hostname, String state, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode now = provisioning(hostname);
        while (!now.get("state").asString().equals(state)) {
            assertThat(System.nanoTime()).as(hostname + " is " + now + ", waited for " + state).isLessThan(deadline);
            Thread.sleep(100);
            now = provisioning(hostname);
        }
        return now;
    }

    private JsonNode awaitRun(long run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode detail = admin.get("/api/v1/pipeline-runs/" + run).json();
        while (!LabRuns.FINAL.contains(detail.get("run").get("state").asString())) {
            assertThat(System.nanoTime()).as("run " + run + " did not end: " + detail).isLessThan(deadline);
            Thread.sleep(100);
            detail = admin.get("/api/v1/pipeline-runs/" + run).json();
        }
        return detail;
    }

    @Test
    void aBmcThatDoesNotAnswerFailsTheTaskUnreachableWithTheServerUntouched() throws Exception {
        String hostname = server(0); // no BMC simulator on its address
        long started = System.nanoTime();
        JsonNode ended = awaitRun(run(hostname, image("1.0", "os 1.0".getBytes(StandardCharsets.UTF_8))));
        JsonNode task = ended.get("tasks").get(0);
        assertThat(task.get("state").asString()).isEqualTo("failed");
        assertThat(task.get("failureReason").asString()).isEqualTo("UNREACHABLE");
        System.out.printf("os-install: an unreachable BMC failed its task in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(provisioning(hostname).get("state").asString()).isEqualTo("enrolled");
    }

    @Test
    void anAgentThatNeverCallsBackFailsTheDeployAfterTheWaitAndPowersTheServerOff() throws Exception {
        String hostname = server(1);
        IpmiSim sim = bmc(hostname, dir);
        IpmiDriver ipmi = IpmiDriver.onPath(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
        long run = run(hostname, image("1.1", "os 1.1".getBytes(StandardCharsets.UTF_8)));
        awaitState(hostname, "wait-callback", Duration.ofSeconds(20));
        assertThat(ipmi.powerStatus(sim.target())).as("powered on into its network boot").isEqualTo(PowerState.ON);

        JsonNode failed = awaitState(hostname, "deploy-failed", Duration.ofSeconds(20));
        assertThat(failed.get("failureReason").asString()).isEqualTo("TIMEOUT");
        JsonNode task = awaitRun(run).get("tasks").get(0);
        assertThat(task.get("state").asString()).isEqualTo("failed");
        assertThat(task.get("failureReason").asString()).isEqualTo("TIMEOUT");
        // the BMC takes the stand-in machine down within its poweroff_wait and kill_wait (2 s)
        ipmi.waitForPower(sim.target(), PowerState.OFF, Duration.ofSeconds(10));
        assertThat(sim.machine()).as("the machine process is gone").isEmpty();
        assertThat(failed.get("events").toString()).contains("\"toState\":\"wait-callback\"",
                "\"toState\":\"deploy-failed\"");
    }

    @Test
    void theAgentsCallsTakeAServerToActiveUnderItsOneTimeToken() throws Exception {
        String hostname = server(2);
        bmc(hostname, dir);
        String mac = "52:54:00:77:00:03";
        var enrolled = admin.put("/api/v1/servers/" + servers.get(hostname) + "/provisioning", map("pxeMac", mac),
                null);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
        byte[] bytes = "the tiny OS 1.2\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        long run = run(hostname, image("1.2", bytes));
        awaitState(hostname, "wait-callback", Duration.ofSeconds(20));

        ApiClient machine = ApiClient.anonymous(port);
        assertThat(machine.get("/boot/ipxe").body()).contains("chain ", "/boot/ipxe?mac=${net0/mac}");
        assertThat(machine.get("/boot/ipxe?mac=52:54:00:ff:ff:ff").body()).contains("no server has MAC", "exit");
        String script = machine.get("/boot/ipxe?mac=" + mac.toUpperCase()).body();
        Matcher token = TOKEN.matcher(script);
        assertThat(token.find()).as(script).isTrue();
        assertThat(script).contains("kernel ", "/boot/agent/vmlinuz", "initrd ", "ferrum.mac=" + mac);

        var forged = machine.withHeader("Authorization", "Bearer not-the-token").get("/api/v1/agent/deploy");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        ApiClient agent = machine.withHeader("Authorization", "Bearer " + token.group(1));
        var order = agent.get("/api/v1/agent/deploy");
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        Map<String, String> lines = new LinkedHashMap<>();
        order.body().lines().forEach(l -> lines.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(lines).containsEntry("image_id", "test-os@1.2").containsEntry("format", "raw")
                .containsEntry("size", String.valueOf(bytes.length)).containsEntry("disk", "/dev/vda");
        String path = lines.get("image_url").replaceFirst("^http://[^/]+", "");
        var download = machine.get(path);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(machine.get(path.replaceFirst("token=.*", "token=wrong")).status()).isEqualTo(404);
        assertThat(agent.sendForm("/api/v1/agent/progress", "phase=streaming&bytes=4096").status()).isEqualTo(200);
        assertThat(provisioning(hostname).get("bytesWritten").asLong()).isEqualTo(4096);

        var result = agent.sendForm("/api/v1/agent/result", "status=ok&sha256=" + lines.get("sha256") + "&bytes="
                + bytes.length);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.body()).contains("state=verifying");
        assertThat(agent.sendForm("/api/v1/agent/result", "status=ok&sha256=" + lines.get("sha256")).status())
                .as("the token is spent").isEqualTo(404);
        awaitState(hostname, "verifying", Duration.ofSeconds(5));
        // the reboot into the disk: iPXE now answers the local disk
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!provisioning(hostname).get("events").toString().contains("\"reason\":\"reboot\"")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(machine.get("/boot/ipxe?mac=" + mac).body()).contains("sanboot");

        var report = machine.sendForm("/boot/report", "mac=" + mac + "&image=test-os@1.2");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("state=active");
        JsonNode task = awaitRun(run).get("tasks").get(0);
        assertThat(task.get("state").asString()).isEqualTo("done");
        JsonNode active = provisioning(hostname);
        assertThat(active.get("installedImage").asString()).isEqualTo("test-os@1.2");
        assertThat(active.get("reportedImage").asString()).isEqualTo("test-os@1.2");

        // again: unchanged, without a word to the BMC
        int events = active.get("events").size();
        JsonNode again = awaitRun(run(hostname, "test-os@1.2")).get("tasks").get(0);
        assertThat(again.get("state").asString()).isEqualTo("unchanged");
        assertThat(provisioning(hostname).get("events").size()).isEqualTo(events);
    }

    @Test
    void badBareMetalRequestsAreRefusedByField() throws Exception {
        var noImage = admin.post("/api/v1/pipeline-runs", map("kind", "os-install", "target", map("site", site),
                "image", "nope@9"));
        assertThat(noImage.status()).isEqualTo(422);
        assertThat(noImage.json().get("errors").get(0).get("field").asString()).isEqualTo("image");
        var notAServer = admin.post("/api/v1/pipeline-runs", map("kind", "os-install", "target", map("devices",
                List.of(site + "-border01"))));
        assertThat(notAServer.status()).as(notAServer.body()).isEqualTo(422);
        assertThat(notAServer.body()).contains("not a server");
        var badMac = admin.put("/api/v1/servers/" + servers.get(server(0)) + "/provisioning", map("pxeMac", "nope"),
                null);
        assertThat(badMac.status()).isEqualTo(422);
        assertThat(badMac.json().get("errors").get(0).get("field").asString()).isEqualTo("mac");
        var badReport = ApiClient.anonymous(port).sendForm("/boot/report", "mac=zz&image=x");
        assertThat(badReport.status()).isEqualTo(422);
        var badSha = admin.sendBytes("POST", "/api/v1/os-images?name=x&version=1&format=raw&sha256=" + "0".repeat(64),
                "x".getBytes(StandardCharsets.UTF_8), OCTETS);
        assertThat(badSha.status()).isEqualTo(422);
        var badFormat = admin.sendBytes("POST", "/api/v1/os-images?name=x&version=1&format=zip&sha256=" + "0".repeat(64),
                "x".getBytes(StandardCharsets.UTF_8), OCTETS);
        assertThat(badFormat.status()).isEqualTo(422);
        assertThat(badFormat.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
    }
}
