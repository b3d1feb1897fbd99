package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.killswitch.JournalRecord;
import io.ferrum.provisioning.killswitch.KillJournal;
import io.ferrum.provisioning.lab.Lab;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kill switch when other parts are down, on the lab: with PostgreSQL killed, an operator engages through the
 * server (logged in from the node's last known credentials, the plan from memory and disk), and once PostgreSQL is
 * back the engage's journal is in it exactly once and intent marks the connections killed; with the server stopped,
 * the CLI engages by break-glass from the node's kill plan, and the restarted server takes that engagement up from
 * the journal (still engaged, journal copied once). The database here is a PostgreSQL the test owns, so it can be
 * killed and started again on the same data.
 */
@Tag("lab")
@Tag("slow")
class KillSwitchDegradedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path home;

    @Test
    void engageWorksWithTheDatabaseDownAndByBreakGlassWithTheServerDown() throws Exception {
        Lab lab = Lab.locate();
        Optional<String> unavailable = lab.whyUnavailable();
        if (unavailable.isPresent()) {
            System.out.println("SKIPPED kill-switch degraded test: " + unavailable.get());
        }
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "lab unavailable: " + unavailable.orElse(""));
        int dbPort = ServerProcess.freePort();
        Path pgdata = Files.createDirectories(home.resolve("external-pg"));
        EmbeddedPostgres postgres = startPostgres(pgdata, dbPort);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE ferrum");
        }
        String url = "jdbc:postgresql://localhost:" + dbPort + "/ferrum";
        Map<String, String> settings = Map.of("ferrum.db.url", url, "ferrum.db.user", "postgres",
                "ferrum.pipelines.ssh-private-key", "/run/ferrum-lab/id_ed25519",
                "ferrum.kill-switch.snmp-write-community", "ferrum-write", "ferrum.kill-switch.maintain-every", "1s");
        int port = ServerProcess.freePort();
        KillJournal journal = new KillJournal(home.resolve("kill-switch"));
        try (var lock = Lab.exclusive()) {
            ServerProcess first = ServerProcess.start(home, port, home.resolve("first.log"), settings);
            try {
                first.awaitHealthy();
                LabRuns.applyAndBuildLab(first, lab, home.resolve("exports"));
                for (String op : List.of("dg-op1", "dg-op2")) {
                    HttpResponse<String> created = first.send("POST", "/api/v1/users", "{\"username\":\"" + op
                            + "\",\"password\":\"" + op + "-password-long\",\"roles\":[\"operator\"]}",
                            "application/json");
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    // a login while the database is up: this node now knows the operator
                    assertThat(as(first, op, "GET", "/api/v1/kill-switch", null).statusCode()).isEqualTo(200);
                }
                await("the kill plan", () -> json(as(first, "dg-op1", "GET", "/api/v1/kill-switch/plan", null)),
                        p -> p.path("links").asInt() >= 102);

                // PostgreSQL dies: engage still works
                long postmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
                ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
                ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
                assertThat(first.send("GET", "/api/v1/sites", null).statusCode()).as("the database is down")
                        .isEqualTo(503);
                HttpResponse<String> engaged = as(first, "dg-op1", "POST", "/api/v1/kill-switch/engage",
                        "{\"scope\":{\"kind\":\"exchange\",\"value\":\"XFRA\"},\"reason\":\"lab: database down\"}");
                assertThat(engaged.statusCode()).as(engaged.body() + "\n" + first.tail()).isEqualTo(200);
                JsonNode result = JSON.readTree(engaged.body());
                int xfra = result.get("links").size();
                assertThat(xfra).isPositive();
                assertThat(result.get("counts").get("down-verified").asInt()).as(result.toString()).isEqualTo(xfra);
                String engagement = result.get("id").asString();

                // PostgreSQL back on the same data: the journal arrives exactly once, intent is marked
                try {
                    postgres.close(); // its server is dead already; this lets go of the data directory's lock
                } catch (Exception alreadyGone) {
                    // pg_ctl stop finds nothing to stop
                }
                postgres = startPostgres(pgdata, dbPort);
                long written = journal.read().stream().filter(r -> r.engagement().equals(engagement)).count();
                await("the engage's journal in PostgreSQL", () -> count(url, "SELECT count(*) FROM kill_switch_journal "
                        + "WHERE engagement = '" + engagement + "'"), n -> n == written);
                await("XFRA connections killed in intent", () -> count(url, "SELECT count(*) FROM "
                        + "exchange_connection c JOIN exchange e ON e.id = c.exchange_id WHERE e.code = 'XFRA' AND "
                        + "c.status = 'killed'"), n -> n == xfra);
                Thread.sleep(3_000); // more maintenance ticks: nothing is copied twice
                assertThat(count(url, "SELECT count(*) FROM kill_switch_journal WHERE engagement = '" + engagement
                        + "'")).isEqualTo(written);
            } finally {
                first.kill9();
            }

            // the server is down: the CLI engages by break-glass from the node's kill plan
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "io.ferrum.FerrumApplication",
                    "kill-switch", "engage", "--exchange", "XLON", "--reason", "lab: server down", "--server",
                    "http://localhost:" + port, "--ssh-key", "/run/ferrum-lab/id_ed25519")
                    .redirectErrorStream(true).redirectOutput(home.resolve("cli.log").toFile());
            command.environment().put("FERRUM_HOME", home.toString());
            command.environment().put("FERRUM_USER", "dg-op1");
            command.environment().put("FERRUM_PASSWORD", "dg-op1-password-long");
            Process cli = command.start();
            assertThat(cli.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(home.resolve("cli.log"));
            assertThat(cli.exitValue()).as(output).isZero();
            assertThat(output).contains("BREAK-GLASS", "cannot reach", "Kill switch engaged (break-glass)");
            List<JournalRecord> breakGlass = journal.read().stream().filter(r -> r.kind().equals("engage-started")
                    && Boolean.TRUE.equals(r.detail().get("breakGlass"))).toList();
            assertThat(breakGlass).hasSize(1);

            ServerProcess second = ServerProcess.start(home, port, home.resolve("second.log"), settings);
            try {
                second.awaitHealthy();
                JsonNode status = json(as(second, "dg-op1", "GET", "/api/v1/kill-switch", null));
                assertThat(status.get("state").asString()).isEqualTo("engaged");
                assertThat(status.get("breakGlass").asBoolean()).isTrue();
                assertThat(status.get("scopes").toString()).contains("exchange XLON", "exchange XFRA");
                String id = breakGlass.get(0).engagement();
                long written = journal.read().stream().filter(r -> r.engagement().equals(id)).count();
                await("the break-glass journal in PostgreSQL", () -> count(url, "SELECT count(*) FROM "
                        + "kill_switch_journal WHERE engagement = '" + id + "'"), n -> n == written);
                HttpResponse<String> request = as(second, "dg-op1", "POST", "/api/v1/kill-switch/release-requests",
                        "{\"reason\":\"lab: all clear\"}");
                assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
                HttpResponse<String> released = as(second, "dg-op2", "POST", "/api/v1/kill-switch/release-requests/"
                        + json(request).get("id").asLong() + "/approve", "");
                assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
                JsonNode after = json(released);
                assertThat(after.get("counts").get("up-verified").asInt()).as(after.toString())
                        .isEqualTo(after.get("links").size());
            } finally {
                second.stop();
                lab.down();
            }
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws Exception {
        // durable commits, as a production PostgreSQL has them: zonky's default (synchronous_commit off) lets a
        // kill -9 of the postmaster lose the last commits, here the second operator created just before it
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static HttpResponse<String> as(ServerProcess server, String user, String method, String path, String body)
            throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + user + "-password-long").getBytes());
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static <T> T await(String what, java.util.concurrent.Callable<T> read, Predicate<T> done)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = read.call();
        while (!done.test(value)) {
            assertThat(System.nanoTime()).as("waited %s for %s; last seen: %s", PATIENCE, what, value)
                    .isLessThan(deadline);
            Thread.sleep(500);
            value = read.call();
        }
        return value;
    }
}
