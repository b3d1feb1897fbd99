package io.ferrum.api.bench;

import io.ferrum.FerrumApplication;
import io.ferrum.api.ApiClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Many clients take addresses from one prefix at once through REST ({@code POST /api/v1/prefixes/{id}/available-ips},
 * one address per request, each with its own allocation key), and the benchmark reports allocations per second and
 * checks that no address was handed out twice, both in the answers and in the database. Clients authenticate with an
 * API token, as automation does. Each run takes a fresh /18 in the same database.
 *
 * <p>Run (arguments: runs, clients, addresses per run):
 * {@code ./bench intent-api io.ferrum.api.bench.IpamAllocationBenchmark 5 32 10000}
 */
public final class IpamAllocationBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int addresses = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        var context = new SpringApplicationBuilder(FerrumApplication.class)
                .run("--server.port=0", "--ferrum.db.ephemeral=true", "--ferrum.assurance.collector.enabled=false",
                        "--ferrum.security.admin-password=bench-password-1",
                        "--logging.level.root=warn");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String token = ApiClient.basic(port, "admin", "bench-password-1")
                .post("/api/v1/users/me/tokens", Map.of("name", "ipam-bench")).json().get("token").asString();
        ApiClient api = ApiClient.bearer(port, token);

        // Warm-up: two unmeasured runs of the full size. With one short one (2,000 addresses) the measured runs still
        // sped up run after run (513, 734, 935/s) as the JIT compiled the request path: that measured the JIT.
        allocate(api, "10.62.0.0/18", clients, addresses, "warmup1");
        allocate(api, "10.63.0.0/18", clients, addresses, "warmup2");
        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            String cidr = "10.%d.0.0/18".formatted(65 + run);
            long started = System.nanoTime();
            allocate(api, cidr, clients, addresses, "run" + run);
            double seconds = (System.nanoTime() - started) / 1e9;
            rates[run] = addresses / seconds;
            System.out.printf("run %d: %d addresses by %d clients in %.2f s = %.0f allocations/s, 0 duplicates%n",
                    run + 1, addresses, clients, seconds, rates[run]);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("median %.0f allocations/s (min %.0f, max %.0f) over %d runs%n", sorted[runs / 2], sorted[0],
                sorted[runs - 1], runs);
        context.close();
        System.exit(0);
    }

    /** Takes {@code count} addresses from a new prefix; fails on any error answer or any duplicate. */
    private static void allocate(ApiClient api, String cidr, int clients, int count, String run) throws Exception {
        ApiClient.Response created = api.post("/api/v1/prefixes", Map.of("prefix", cidr, "role", "server"));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create " + cidr + ": " + created);
        }
        long prefixId = created.id();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<String>>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = client; i < count; i += clients) {
                    ApiClient.Response answer = api.post("/api/v1/prefixes/" + prefixId + "/available-ips",
                            Map.of("allocationKey", run + "/" + i));
                    if (answer.status() != 201) {
                        throw new IllegalStateException("allocation " + i + ": " + answer);
                    }
                    mine.add(answer.json().get("address").asString());
                }
                return mine;
            }));
        }
        Set<String> distinct = new HashSet<>();
        int answers = 0;
        for (Future<List<String>> f : work) {
            List<String> mine = f.get(10, TimeUnit.MINUTES);
            answers += mine.size();
            distinct.addAll(mine);
        }
        pool.shutdown();
        if (answers != count || distinct.size() != count) {
            throw new IllegalStateException(run + ": " + answers + " answers, " + distinct.size() + " distinct, expected "
                    + count);
        }
        long stored = api.get("/api/v1/ip-addresses?prefix=" + cidr + "&size=1").json().get("total").asLong();
        if (stored != count) {
            throw new IllegalStateException(run + ": " + stored + " addresses stored, expected " + count);
        }
    }
}
