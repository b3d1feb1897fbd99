package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.lab.Lab;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 end to end on real virtual machines: the lab site's three servers are QEMU VMs behind OpenIPMI BMC
 * simulators, on a provisioning bridge where dnsmasq serves Ferrum's own DHCP export. One os-install run takes the
 * three, powered off, through PXE → iPXE → deploy agent → image streamed and verified → reboot from disk → the
 * installed OS reports its image → {@code active}; a second run finds them all unchanged, with no power action. Then
 * one server gets an image whose stored bytes no longer match their SHA-256 (CHECKSUM_MISMATCH, the others untouched)
 * while another is rebuilt with a new image across a {@code kill -9} of Ferrum in its {@code wait-callback}: the
 * restarted Ferrum completes it. Prints the per-phase times BENCHMARKS.md quotes.
 */
@Tag("lab")
@Tag("slow")
class LabBareMetalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BMC_USER = "admin";
    private static final String BMC_PASSWORD = "ferrum-lab-bmc";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(12);

    @TempDir
    Path home;

    @Test
    void serversAreProvisionedOverNetworkBootAndSurviveAKill() throws Exception {
        Lab lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable().or(LabBareMetalTest::whyNoVirtualMachines);
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED bare-metal lab test: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "bare-metal lab unavailable: " + unavailable.orElse(""));
        Path repo = Lab.repoRoot();
        Path agent = home.resolve("boot/agent");
        Lab.Result built = Lab.run(900, repo.resolve("deploy/lab/baremetal/build-agent").toString(), agent.toString());
        assertThat(built.exit()).as("build-agent:\n%s", built.output()).isZero();

        int port = ServerProcess.freePort();
        Map<String, String> settings = Map.of("ferrum.baremetal.poll", "500ms", "ferrum.pipelines.cluster-checkin",
                "2s", "ferrum.baremetal.callback-timeout", "10m", "ferrum.baremetal.verify-timeout", "6m");
        try (var lock = Lab.exclusive()) {
            ServerProcess first = ServerProcess.start(home, port, home.resolve("first.log"), settings);
            ServerProcess current = first;
            try {
                first.awaitHealthy();
                apply(first);
                List<JsonNode> servers = servers(first);
                assertThat(servers).hasSizeGreaterThanOrEqualTo(3);
                for (int i = 0; i < servers.size(); i++) {
                    put(first, "/api/v1/servers/" + servers.get(i).get("id").asLong() + "/provisioning",
                            "{\"pxeMac\":\"52:54:00:18:10:" + String.format("%02x", i + 1) + "\"}");
                }
                put(first, "/api/v1/credentials/lab1-bmc", "{\"kind\":\"bmc-password\",\"username\":\"" + BMC_USER
                        + "\",\"secret\":\"" + BMC_PASSWORD + "\",\"scope\":{\"site\":\"lab1\"}}");

                Path exports = home.resolve("lab");
                Files.createDirectories(exports);
                String gateway = exportBareMetal(first, exports, null);
                String bootUrl = "http://" + gateway + ":" + port;
                exportBareMetal(first, exports, bootUrl);
                Lab.Result up = lab.upFrom(exports);
                assertThat(up.exit()).as("lab up:\n%s", up.output()).isZero();

                upload(first, "1.0", bootUrl, home.resolve("tiny-1.0.img"), false);

                // 1. three servers, powered off, in one run, concurrently
                Instant started = Instant.now();
                long run1 = startRun(first, "tiny-os@1.0", null);
                JsonNode ended = LabRuns.waitForEnd(first, run1, RUN_LIMIT);
                Duration wall = Duration.between(started, Instant.now());
                assertThat(ended.get("run").get("state").asString()).as(ended.toString()).isEqualTo("done");
                assertThat(ended.get("tasks")).allSatisfy(t -> assertThat(t.get("state").asString()).isEqualTo("done"));
                for (JsonNode server : servers(first)) {
                    assertThat(server.get("state").asString()).as(server.toString()).isEqualTo("active");
                    assertThat(server.get("installedImage").asString()).isEqualTo("tiny-os@1.0");
                    assertThat(server.get("reportedImage").asString()).isEqualTo("tiny-os@1.0");
                }
                printPhases(first, wall);

                // 2. again: all unchanged, and no power action (no new network boot or reboot event)
                Map<Long, Integer> eventsBefore = eventCounts(first);
                long run2 = startRun(first, "tiny-os@1.0", null);
                JsonNode again = LabRuns.waitForEnd(first, run2, Duration.ofMinutes(2));
                assertThat(again.get("tasks")).allSatisfy(t -> assertThat(t.get("state").asString())
                        .isEqualTo("unchanged"));
                assertThat(eventCounts(first)).isEqualTo(eventsBefore);

                // 3. srv01: an image whose stored bytes were corrupted; srv02: a new image, with Ferrum killed
                //    while it waits for the agent; srv03: unchanged
                upload(first, "1.1", bootUrl, home.resolve("tiny-1.1.img"), true);
                JsonNode corrupted = upload(first, "1.2", bootUrl, home.resolve("tiny-1.2.img"), false);
                Path stored = home.resolve("images/sha256").resolve(corrupted.get("sha256").asString());
                byte[] bytes = Files.readAllBytes(stored);
                bytes[bytes.length / 2] ^= 0x5a;
                Files.write(stored, bytes);
                String srv1 = servers.get(0).get("hostname").asString();
                String srv2 = servers.get(1).get("hostname").asString();
                String srv3 = servers.get(2).get("hostname").asString();
                put(first, "/api/v1/servers/" + servers.get(0).get("id").asLong() + "/provisioning",
                        "{\"desiredImage\":\"tiny-os@1.2\"}");
                put(first, "/api/v1/servers/" + servers.get(1).get("id").asLong() + "/provisioning",
                        "{\"desiredImage\":\"tiny-os@1.1\"}");
                long run3 = startRun(first, null, null);
                // the kill lands once srv02's iPXE has fetched the agent: the agent comes up while Ferrum is down
                // and must keep calling until it is back
                waitForEvent(first, servers.get(1).get("id").asLong(), "ipxe", Duration.ofMinutes(3));
                Thread.sleep(2000);
                assertThat(servers(first).get(1).get("state").asString()).isEqualTo("wait-callback");
                first.kill9();
                System.out.println("bare metal: killed Ferrum with " + srv2 + " in wait-callback");
                ServerProcess second = ServerProcess.start(home, port, home.resolve("second.log"), settings);
                current = second;
                second.awaitHealthy();
                JsonNode third = LabRuns.waitForEnd(second, run3, RUN_LIMIT);
                Map<String, JsonNode> tasks = new LinkedHashMap<>();
                third.get("tasks").forEach(t -> tasks.put(t.get("device").asString(), t));
                assertThat(tasks.get(srv1).get("state").asString()).as(third.toString()).isEqualTo("failed");
                assertThat(tasks.get(srv1).get("failureReason").asString()).isEqualTo("CHECKSUM_MISMATCH");
                assertThat(tasks.get(srv2).get("state").asString()).as(third.toString()).isEqualTo("done");
                assertThat(tasks.get(srv3).get("state").asString()).isEqualTo("unchanged");
                Map<String, JsonNode> after = new LinkedHashMap<>();
                servers(second).forEach(s -> after.put(s.get("hostname").asString(), s));
                assertThat(after.get(srv1).get("state").asString()).isEqualTo("deploy-failed");
                assertThat(after.get(srv2).get("state").asString()).isEqualTo("active");
                assertThat(after.get(srv2).get("reportedImage").asString()).isEqualTo("tiny-os@1.1");
                assertThat(after.get(srv3).get("state").asString()).isEqualTo("active");
                assertThat(after.get(srv3).get("reportedImage").asString()).isEqualTo("tiny-os@1.0");
                assertThat(Lab.run(30, "ipmitool", "-I", "lanplus", "-H", bmc(second, srv1), "-U", BMC_USER, "-P",
                        BMC_PASSWORD, "chassis", "power", "status").output())
                        .as("the failed server is powered off").contains("off");
            } finally {
                current.kill9();
                Lab.Result down = lab.down();
                assertThat(down.exit()).as("lab down:\n%s", down.output()).isZero();
            }
        }
    }

    private static Optional<String> whyNoVirtualMachines() {
        for (String[] tool : new String[][] {{"qemu-system-x86_64", "qemu-system-x86"}, {"ipmi_sim", "openipmi"},
                {"ipmitool", "ipmitool"}, {"dnsmasq", "dnsmasq-base"}}) {
            boolean found = Stream.of(System.getenv("PATH").split(":"), new String[] {"/usr/sbin"}).flatMap(Stream::of)
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool[0])));
            if (!found) {
                return Optional.of(tool[0] + " is missing (Debian package " + tool[1] + ", in .ci/apt/baremetal.txt)");
            }
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return Optional.of("no /dev/net/tun for the VMs' NICs");
        }
        if (!Files.exists(Path.of("/dev/kvm"))) {
            System.out.println("bare metal: no /dev/kvm, the VMs run under TCG (software emulation; slower)");
        }
        return Optional.empty();
    }

    private static void apply(ServerProcess server) throws Exception {
        String definition = Files.readString(Lab.repoRoot().resolve("examples/lab-site.yaml"));
        HttpResponse<String> planned = server.send("POST", "/api/v1/plans?fileName=lab-site.yaml", definition);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
        String plan = JSON.readTree(planned.body()).get("plan").get("id").asString();
        assertThat(server.send("POST", "/api/v1/plans/" + plan + "/apply", null).statusCode()).isEqualTo(200);
    }

    private static List<JsonNode> servers(ServerProcess server) throws Exception {
        HttpResponse<String> list = server.send("GET", "/api/v1/servers?site=lab1", null, "application/json");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<JsonNode> servers = new ArrayList<>();
        JSON.readTree(list.body()).forEach(servers::add);
        return servers;
    }

    private static void put(ServerProcess server, String path, String json) throws Exception {
        HttpResponse<String> put = server.send("PUT", path, json, "application/json");
        assertThat(put.statusCode()).as(path + ": " + put.body()).isIn(200, 201);
    }

    /** Writes the lab's files (as ferrum lab export does); answers the provisioning gateway of the first server. */
    private static String exportBareMetal(ServerProcess server, Path dir, String bootUrl) throws Exception {
        for (String[] file : LabRuns.EXPORTS) {
            HttpResponse<String> export = server.send("GET", "/api/v1/sites/lab1/exports/" + file[1], null);
            assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
            Files.writeString(dir.resolve(file[0]), export.body(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> csv = server.send("GET", "/api/v1/sites/lab1/exports/baremetal-csv", null, "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        Files.writeString(dir.resolve("baremetal.csv"), csv.body(), StandardCharsets.UTF_8);
        HttpResponse<String> dhcp = server.send("GET", "/api/v1/sites/lab1/exports/dhcp-dnsmasq"
                + (bootUrl == null ? "" : "?boot-url=" + bootUrl), null, "text/plain");
        assertThat(dhcp.statusCode()).as(dhcp.body()).isEqualTo(200);
        Files.writeString(dir.resolve("dhcp-dnsmasq.conf"), dhcp.body(), StandardCharsets.UTF_8);
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).as("enrolled servers in baremetal.csv").hasSizeGreaterThanOrEqualTo(4);
        String[] header = rows.get(0).split(",", -1);
        return rows.get(1).split(",", -1)[List.of(header).indexOf("pxe_gateway")];
    }

    private static String bmc(ServerProcess server, String hostname) throws Exception {
        for (String row : Files.readAllLines(Path.of("/run/ferrum-lab/bm/servers.tsv"))) {
            String[] f = row.split("\t");
            if (f[0].equals(hostname)) {
                return f[2];
            }
        }
        throw new AssertionError("no BMC for " + hostname + " in the lab");
    }

    /** Builds the tiny OS image that reports {@code tiny-os@VERSION} and uploads it. */
    private static JsonNode upload(ServerProcess server, String version, String bootUrl, Path file, boolean gzip)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Lab.repoRoot().resolve("deploy/lab/baremetal/build-os-image")
                .toString(), "--id", "tiny-os@" + version, "--url", bootUrl));
        if (gzip) {
            command.add("--gzip");
        }
        command.add(file.toString());
        Lab.Result built = Lab.run(300, command.toArray(String[]::new));
        assertThat(built.exit()).as("build-os-image:\n%s", built.output()).isZero();
        String sha = built.output().lines().filter(l -> l.startsWith("sha256=")).findFirst().orElseThrow()
                .substring("sha256=".length()).strip();
        HttpResponse<String> stored = server.sendBytes("POST", "/api/v1/os-images?name=tiny-os&version=" + version
                + "&format=" + (gzip ? "gzip" : "raw") + "&sha256=" + sha, Files.readAllBytes(file));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        return JSON.readTree(stored.body());
    }

    private static long startRun(ServerProcess server, String image, List<String> devices) throws Exception {
        String target = devices == null ? "{\"site\":\"lab1\",\"role\":\"server\"}"
                : "{\"devices\":" + JSON.writeValueAsString(devices) + "}";
        HttpResponse<String> started = server.send("POST", "/api/v1/pipeline-runs", "{\"kind\":\"os-install\","
                + "\"target\":" + target + ",\"canary\":0,\"concurrency\":10"
                + (image == null ? "" : ",\"image\":\"" + image + "\"") + "}", "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return JSON.readTree(started.body()).get("run").get("id").asLong();
    }

    private static void waitForEvent(ServerProcess server, long id, String reason, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!server.send("GET", "/api/v1/servers/" + id + "/provisioning", null, "application/json").body()
                .contains("\"reason\":\"" + reason + "\"")) {
            assertThat(System.nanoTime()).as("server " + id + " never had a " + reason + " event").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Map<Long, Integer> eventCounts(ServerProcess server) throws Exception {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (JsonNode s : servers(server)) {
            long id = s.get("id").asLong();
            counts.put(id, JSON.readTree(server.send("GET", "/api/v1/servers/" + id + "/provisioning", null,
                    "application/json").body()).get("events").size());
        }
        return counts;
    }

    /** Per server: power-on to the agent's first callback, the stream, the reboot to the OS's report. */
    private static void printPhases(ServerProcess server, Duration wall) throws Exception {
        System.out.printf("bare metal: run start to all servers active %.1f s%n", wall.toMillis() / 1000.0);
        for (JsonNode s : servers(server)) {
            JsonNode events = JSON.readTree(server.send("GET", "/api/v1/servers/" + s.get("id").asLong()
                    + "/provisioning", null, "application/json").body()).get("events");
            Map<String, Instant> at = new LinkedHashMap<>();
            for (JsonNode e : events) {
                String what = e.hasNonNull("reason") ? e.get("reason").asString() : e.get("toState").asString();
                at.put(what, Instant.parse(e.get("at").asString()));
            }
            System.out.printf("bare metal: %s boot-to-agent %.1f s, stream %.1f s, reboot-to-OS %.1f s%n",
                    s.get("hostname").asString(), seconds(at.get("power-on"), at.get("agent-callback")),
                    seconds(at.get("agent-callback"), at.get("image-written")),
                    seconds(at.get("image-written"), at.get("report")));
        }
    }

    private static double seconds(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }
}
