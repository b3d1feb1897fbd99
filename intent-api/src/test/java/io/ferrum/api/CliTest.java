package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.api.cli.FerrumCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
