package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.api.cli.FerrumCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: against the running server (--server) and standalone on its own database. */
class CliTest extends ApiTestBase {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private static Run ferrum(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerrumCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void credentials() {
        System.setProperty("FERRUM_USER", "admin");
        System.setProperty("FERRUM_PASSWORD", ADMIN_PASSWORD);
    }

    @AfterEach
    void forget() {
        System.clearProperty("FERRUM_USER");
        System.clearProperty("FERRUM_PASSWORD");
    }

    @Test
    void planApplyAndExportAgainstAServer() throws Exception {
        String[] site = SiteDefinitions.freshSmallSite();
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, site[1]);
        String server = "http://localhost:" + port;

        Run planned = ferrum("plan", "--detailed-exitcode", "--server", server, file.toString());
        assertThat(planned.exitCode()).as(planned.err()).isEqualTo(2);
        assertThat(planned.out()).contains("+ device " + site[0] + "-border01", "to add");

        Run applied = ferrum("apply", "--auto-approve", "--server", server, file.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("Apply complete");

        Run again = ferrum("plan", "--detailed-exitcode", "--server", server, file.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("No changes");

        Path csv = dir.resolve("cables.csv");
        Run exported = ferrum("export", "cable-schedule-csv", "--site", site[0], "-o", csv.toString(), "--server", server);
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(50);

        // the device lab's three files, in the names `lab up --from` reads
        Path labDir = dir.resolve("lab");
        Run lab = ferrum("lab", "export", "--site", site[0], "--dir", labDir.toString(), "--server", server);
        assertThat(lab.exitCode()).as(lab.err()).isZero();
        assertThat(Files.readString(labDir.resolve("cable-schedule.csv"))).isEqualTo(Files.readString(csv));
        assertThat(Files.readAllLines(labDir.resolve("device-inventory.csv")).get(0)).startsWith("hostname,role,rack");
        assertThat(Files.readString(labDir.resolve("device-inventory.csv"))).contains(site[0] + "-border01,border");
        assertThat(Files.readAllLines(labDir.resolve("exchange-handoffs.csv"))).hasSize(3);
    }

    @Test
    void badInputExitsOneWithTheLocation() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SiteDefinitions.example("bad/invalid-cidr.yaml"));
        Run run = ferrum("plan", "--server", "http://localhost:" + port, file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.yaml:40:9: ipSpace.mgmt").contains("host bits");
        assertThat(run.err().lines()).allMatch(line -> line.startsWith("ferrum: "));

        Run missing = ferrum("plan", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.yaml: no such file");
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAtItsLineNotAsAnInputLength() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "standard: colo-pod@1\nsite:\n  code: zrh1\n  name: Z\u00fcrich 1\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        Run run = ferrum("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("latin1.yaml:4:").contains("not valid UTF-8").doesNotContain("Input length");
    }

    @Test
    void validateChecksADefinitionWithoutAnyDatabaseAndPlanRefusesABrokenFileBeforeStartingOne() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, SiteDefinitions.freshSmallSite()[1]);
        Run valid = ferrum("validate", good.toString());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).contains("good.yaml is valid", "colo-pod@1", "devices");

        Path bad = dir.resolve("broken.yaml");
        Files.writeString(bad, SiteDefinitions.example("bad/invalid-cidr.yaml"));
        Run invalid = ferrum("validate", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("broken.yaml:40:9: ipSpace.mgmt");

        // standalone plan of a broken file: refused before any database is created under its home
        Path home = dir.resolve("never-created-home");
        System.setProperty("ferrum.db.home", home.toString());
        try {
            Run plan = ferrum("plan", bad.toString());
            assertThat(plan.exitCode()).isEqualTo(1);
            assertThat(plan.err()).contains("broken.yaml:40:9: ipSpace.mgmt");
        } finally {
            System.clearProperty("ferrum.db.home");
        }
        assertThat(home).doesNotExist();
    }

    @Test
    @Tag("slow") // starts a second application and PostgreSQL of its own; runs in .ci/run
    void standaloneModeUsesItsOwnDatabase() throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, SiteDefinitions.freshSmallSite()[1]);
        System.setProperty("ferrum.db.ephemeral", "true");
        try {
            Run run = ferrum("plan", "--detailed-exitcode", file.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.out()).contains("Plan:", "to add");
        } finally {
            System.clearProperty("ferrum.db.ephemeral");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.ferrum.assurance.drift.DriftEvents driftEvents;

    @Test
    void driftListsEventsAndWatchFollowsNewOnesAsTheyHappen() throws Exception {
        String server = "http://localhost:" + port;
        driftEvents.reconcile("clidrift", "cli-leaf01", List.of(new io.ferrum.assurance.audit.Drift(
                io.ferrum.assurance.audit.DriftType.SERIAL, "cli-leaf01", "-", "SN-A", "SN-B", "device cli-leaf01",
                null)), java.time.Instant.now());
        Run listed = ferrum("drift", "--site", "clidrift", "--server", server);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("cli-leaf01", "serial", "SN-A -> SN-B", "open");

        StringWriter watched = new StringWriter();
        Thread watcher = new Thread(() -> FerrumCommand.run(new PrintWriter(watched, true),
                new PrintWriter(new StringWriter(), true), "drift", "--site", "clidrift", "--watch", "--server",
                server));
        watcher.setDaemon(true); // ends with the test JVM: --watch runs until Ctrl-C
        watcher.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!watched.toString().contains("following drift events")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(300); // the stream is open once the server sent its first comment
        driftEvents.reconcile("clidrift", "cli-leaf02", List.of(new io.ferrum.assurance.audit.Drift(
                io.ferrum.assurance.audit.DriftType.HOSTNAME, "cli-leaf02", "-", "cli-leaf02", "switch", "device "
                + "cli-leaf02", null)), java.time.Instant.now());
        while (!watched.toString().contains("cli-leaf02")) {
            assertThat(System.nanoTime()).as(watched.toString()).isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(watched.toString()).contains("hostname", "cli-leaf02 -> switch");
        watcher.interrupt();
    }
}
