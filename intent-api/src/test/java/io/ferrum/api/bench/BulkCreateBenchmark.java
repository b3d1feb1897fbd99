package io.ferrum.api.bench;

import io.ferrum.FerrumApplication;
import io.ferrum.api.ApiClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Bulk-creates a 40 racks x 40 servers site through the REST API (racks, then devices with their ports, then
 * cables, each in one request and one transaction) and reports the median wall time of several runs. Each run builds
 * a new site in the same database, as a real installation grows.
 *
 * <p>Run: {@code ./bench intent-api io.ferrum.api.bench.BulkCreateBenchmark 5}; a smaller site with
 * {@code BENCH_JAVA_OPTS="-Dferrum.bench.racks=2 -Dferrum.bench.servers=2"} (the README smoke does).
 */
public final class BulkCreateBenchmark {

    private static final int RACKS = Integer.getInteger("ferrum.bench.racks", 40);
    private static final int SERVERS = Integer.getInteger("ferrum.bench.servers", 40);

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Command-line style arguments outrank application.yml, so the benchmark never collides with a running server.
        var context = new SpringApplicationBuilder(FerrumApplication.class)
                .run("--server.port=0", "--ferrum.db.ephemeral=true", "--ferrum.assurance.collector.enabled=false",
                        "--ferrum.security.admin-password=bench-password-1",
                        "--logging.level.root=warn");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiClient api = ApiClient.basic(port, "admin", "bench-password-1");
        createDeviceTypes(api);
        createSite(api, "warmup1");
        createSite(api, "warmup2");
        long[] totals = new long[runs];
        long[][] phases = new long[runs][];
        int[] counts = null;
        for (int run = 0; run < runs; run++) {
            long[] phase = createSite(api, "bench" + run);
            phases[run] = phase;
            totals[run] = phase[0] + phase[1] + phase[2] + phase[3];
            counts = lastCounts;
            System.out.printf("run %d: total %d ms (site+racks %d, devices %d, cables %d)%n", run + 1, totals[run],
                    phase[0] + phase[1], phase[2], phase[3]);
        }
        long[] sorted = totals.clone();
        Arrays.sort(sorted);
        System.out.printf("%d devices, %d ports, %d cables per site%n", counts[0], counts[1], counts[2]);
        System.out.printf("median %d ms, min %d ms, max %d ms over %d runs%n", sorted[runs / 2], sorted[0],
                sorted[runs - 1], runs);
        context.close();
        System.exit(0);
    }

    private static int[] lastCounts;

    private static long[] createSite(ApiClient api, String code) {
        long t0 = System.nanoTime();
        expect(api.post("/api/v1/sites", Map.of("code", code, "name", "Benchmark " + code)), 201);
        long t1 = System.nanoTime();
        List<Object> racks = new ArrayList<>();
        List<Object> devices = new ArrayList<>();
        List<Object> cables = new ArrayList<>();
        for (int r = 1; r <= RACKS; r++) {
            String rack = "%s-r%02d".formatted(code, r);
            racks.add(Map.of("site", code, "name", rack, "heightU", 48, "powerBudgetW", 20000));
            String leaf1 = rack + "-leaf01";
            String leaf2 = rack + "-leaf02";
            String mgmt = rack + "-mgmt01";
            devices.add(device(code, rack, leaf1, "leaf", "bench-leaf", 48));
            devices.add(device(code, rack, leaf2, "leaf", "bench-leaf", 47));
            devices.add(device(code, rack, mgmt, "mgmt-switch", "bench-mgmt", 46));
            cables.add(cable(leaf1 + "-mgmt", leaf1, "Management1", mgmt, "Ethernet45", "cat6"));
            cables.add(cable(leaf2 + "-mgmt", leaf2, "Management1", mgmt, "Ethernet46", "cat6"));
            cables.add(cable(mgmt + "-up", mgmt, "Ethernet49", leaf1, "Ethernet56", "dac"));
            for (int s = 1; s <= SERVERS; s++) {
                String server = "%s-srv%02d".formatted(rack, s);
                devices.add(device(code, rack, server, "server", "bench-server", s));
                cables.add(cable(server + "-eth0", server, "eth0", leaf1, "Ethernet" + s, "dac"));
                cables.add(cable(server + "-eth1", server, "eth1", leaf2, "Ethernet" + s, "dac"));
                cables.add(cable(server + "-bmc", server, "bmc", mgmt, "Ethernet" + s, "cat6"));
            }
        }
        expect(api.post("/api/v1/racks/bulk", racks), 201);
        long t2 = System.nanoTime();
        expect(api.post("/api/v1/devices/bulk", devices), 201);
        long t3 = System.nanoTime();
        expect(api.post("/api/v1/cables/bulk", cables), 201);
        long t4 = System.nanoTime();
        int ports = devices.size() == 0 ? 0 : RACKS * (2 * 58 + 55 + SERVERS * 5);
        lastCounts = new int[] {devices.size(), ports, cables.size()};
        return new long[] {ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)};
    }

    private static void createDeviceTypes(ApiClient api) {
        expect(api.post("/api/v1/device-types", deviceType("bench-leaf", 1, List.of(
                template("Ethernet[1-48]", "data", 25000, "sfp28"), template("Ethernet[49-56]", "data", 100000, "qsfp28"),
                template("Management1", "mgmt", 1000, "rj45"), template("Console", "console", null, "rj45")))), 201);
        expect(api.post("/api/v1/device-types", deviceType("bench-mgmt", 1, List.of(
                template("Ethernet[1-48]", "data", 1000, "rj45"), template("Ethernet[49-54]", "data", 10000, "sfp+"),
                template("Management1", "mgmt", 1000, "rj45")))), 201);
        expect(api.post("/api/v1/device-types", deviceType("bench-server", 1, List.of(
                template("eth[0-1]", "data", 25000, "sfp28"), template("bmc", "mgmt", 1000, "rj45"),
                template("psu[1-2]", "power", null, "c14")))), 201);
    }

    private static Map<String, Object> deviceType(String slug, int u, List<Object> templates) {
        return Map.of("slug", slug, "manufacturer", "Bench", "model", slug, "uHeight", u, "typicalPowerW", 300,
                "portTemplates", templates);
    }

    static Map<String, Object> template(String pattern, String kind, Integer speed, String media) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("namePattern", pattern);
        template.put("kind", kind);
        template.put("speedMbps", speed);
        template.put("media", media);
        return template;
    }

    private static Map<String, Object> device(String site, String rack, String hostname, String role, String type, int u) {
        return Map.of("site", site, "rack", rack, "hostname", hostname, "role", role, "deviceType", type,
                "face", "front", "positionU", u, "serial", "SN-" + hostname);
    }

    private static Map<String, Object> cable(String label, String a, String aPort, String b, String bPort, String type) {
        return Map.of("label", label, "a", Map.of("device", a, "port", aPort), "b", Map.of("device", b, "port", bPort),
                "type", type, "lengthM", 2.0);
    }

    static void expect(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
