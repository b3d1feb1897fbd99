package io.ferrum.api.bench;

import static io.ferrum.api.bench.BulkCreateBenchmark.expect;

import io.ferrum.FerrumApplication;
import io.ferrum.api.ApiClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Is bulk validation linear? Times {@code POST /api/v1/devices/bulk} at growing sizes up to the bulk limit (each
 * device racked, with a serial and four ports from its type, so every model check runs: rack units, unique
 * hostnames and serials) and prints the cost per item at each size: linear validation keeps it flat. The bulk limit
 * is raised to the largest size for the run. Then times the refusal of one item over the limit, which comes before
 * any item is validated.
 *
 * <p>Run: {@code ./bench intent-api io.ferrum.api.bench.BulkScalingBenchmark 3} (repetitions per size; sizes with
 * {@code -Dferrum.bench.sizes=250,1000,2500,10000}).
 */
public final class BulkScalingBenchmark {

    private static final int PER_RACK = 40;

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] sizes = Arrays.stream(System.getProperty("ferrum.bench.sizes", "250,1000,2500,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int limit = sizes[sizes.length - 1];
        // the limit raised to the largest size (default 1,000), so the curve can be followed past it
        var context = new SpringApplicationBuilder(FerrumApplication.class)
                .run("--server.port=0", "--ferrum.db.ephemeral=true", "--ferrum.assurance.collector.enabled=false",
                        "--ferrum.security.admin-password=bench-password-1", "--logging.level.root=warn",
                        "--ferrum.api.max-bulk-items=" + limit);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiClient api = ApiClient.basic(port, "admin", "bench-password-1");
        expect(api.post("/api/v1/device-types", Map.of("slug", "scale-box", "manufacturer", "Bench", "model",
                "scale-box", "uHeight", 1, "typicalPowerW", 100, "portTemplates", List.of(BulkCreateBenchmark.template("eth[0-3]", "data", 25000, "sfp28")))), 201);
        expect(api.post("/api/v1/sites", Map.of("code", "scale", "name", "Bulk scaling")), 201);

        int batch = 0;
        bulk(api, batch++, sizes[sizes.length - 1]); // warm-up at the largest size
        bulk(api, batch++, sizes[0]);
        System.out.println("size   median ms   µs per item   (per item relative to the smallest size)");
        double smallest = 0;
        for (int size : sizes) {
            long[] times = new long[repetitions];
            for (int r = 0; r < repetitions; r++) {
                times[r] = bulk(api, batch++, size);
            }
            Arrays.sort(times);
            double median = times[repetitions / 2] / 1e6;
            double perItem = median * 1000 / size;
            if (smallest == 0) {
                smallest = perItem;
            }
            System.out.printf("%5d %11.0f %13.0f   %.2f×%n", size, median, perItem, perItem / smallest);
        }

        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            tooMany.add(Map.of("site", "scale", "hostname", "over-" + i, "role", "server", "deviceType", "scale-box"));
        }
        long[] refusals = new long[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            expect(api.post("/api/v1/devices/bulk", tooMany), 422);
            refusals[r] = System.nanoTime() - t0;
        }
        Arrays.sort(refusals);
        System.out.printf("%d items (over the limit) refused in a median %.0f ms%n", tooMany.size(),
                refusals[repetitions / 2] / 1e6);
        context.close();
        System.exit(0);
    }

    /** One bulk request of {@code size} racked devices in racks of their own; returns its wall time in ns. */
    private static long bulk(ApiClient api, int batch, int size) {
        List<Object> racks = new ArrayList<>();
        for (int r = 0; r * PER_RACK < size; r++) {
            racks.add(Map.of("site", "scale", "name", "b%d-r%03d".formatted(batch, r), "heightU", 48,
                    "powerBudgetW", 20000));
        }
        expect(api.post("/api/v1/racks/bulk", racks), 201);
        List<Object> devices = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String hostname = "b%d-d%05d".formatted(batch, i);
            devices.add(Map.of("site", "scale", "rack", "b%d-r%03d".formatted(batch, i / PER_RACK), "hostname",
                    hostname, "role", "server", "deviceType", "scale-box", "face", "front", "positionU",
                    i % PER_RACK + 1, "serial", "SN-" + hostname));
        }
        long t0 = System.nanoTime();
        expect(api.post("/api/v1/devices/bulk", devices), 201);
        return System.nanoTime() - t0;
    }
}
