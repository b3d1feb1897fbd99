package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.provisioning.pipeline.DeviceTarget;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.RunKind;
import io.ferrum.provisioning.pipeline.RunOptions;
import io.ferrum.provisioning.pipeline.RunState;
import io.ferrum.provisioning.pipeline.RunTarget;
import io.ferrum.provisioning.pipeline.Step;
import io.ferrum.provisioning.pipeline.TaskState;
import io.ferrum.provisioning.pipeline.TaskView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's pipeline runs page in a real browser. Runs are written straight through {@link PipelineRuns} (what
 * the engine calls), never queued, so no device is touched and every state is the test's to set; their devices'
 * addresses are in 198.18.0.0/15 all the same.
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
class PipelineRunsConsoleTest extends BrowserTestBase {

    private static final String DIFF = """
            --- leaf-a running
            +++ leaf-a rendered
            @@ -1,3 +1,3 @@
             hostname leaf-a
            -ntp server 198.18.0.1
            +ntp server 198.18.0.2
             end
            """;

    @Autowired
    PipelineRuns runs;
    private final List<Long> unfinished = new java.util.ArrayList<>();

    /** A run left unfinished would be queued by the next application context that starts on this database. */
    @AfterEach
    void finishLeftovers() {
        unfinished.forEach(runs::cancel);
    }

    @Test
    void aFinishedRunShowsItsProgressItsDevicesAndADevicesDiff() {
        String site = "uirun" + ThreadLocalRandom.current().nextInt(100_000);
        long run = run(site, "leaf-a", "leaf-b", "leaf-c");
        runs.start(run);
        Map<String, Long> task = tasks(run);
        runs.step(task.get("leaf-a"), Step.CHECK);
        runs.recordDiff(task.get("leaf-a"), DIFF);
        runs.finishTask(task.get("leaf-a"), TaskState.DONE, null, null);
        runs.step(task.get("leaf-b"), Step.CHECK);
        runs.finishTask(task.get("leaf-b"), TaskState.UNCHANGED, null, "running config equals rendered");
        runs.step(task.get("leaf-c"), Step.CHECK);
        runs.finishTask(task.get("leaf-c"), TaskState.FAILED, "UNREACHABLE", "<b>connect</b> timed out");
        runs.finish(run, RunState.FAILED, null);

        open("admin", ADMIN_PASSWORD, "#runs");
        By row = By.cssSelector("#run-rows tr[data-run='" + run + "']");
        String listed = awaitText(row, text -> text.contains("failed"));
        assertThat(listed).contains("#" + run, "config (dry run)", site, "admin",
                "1 done · 1 unchanged · 1 failed · 0 skipped of 3");
        assertThat(browser.findElements(By.cssSelector("#run-rows tr[data-run='" + run + "'] .bar .segment")))
                .hasSize(3);

        browser.findElement(row).click();
        awaitText(By.id("run-title"), text -> text.equals("Run #" + run + ": config (dry run) on " + site));
        assertThat(taskRow("leaf-a")).startsWith("leaf-a 0 done check").endsWith("diff");
        assertThat(taskRow("leaf-b")).startsWith("leaf-b 1 unchanged check");
        // the detail is shown as text, markup and all
        assertThat(taskRow("leaf-c")).contains("failed", "UNREACHABLE", "<b>connect</b> timed out");
        assertThat(browser.findElement(By.id("retry-run")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("cancel-run")).isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("#task-rows tr[data-device='leaf-a']")).click();
        String diff = awaitText(By.id("diff"), text -> text.contains("+ntp server"));
        assertThat(diff).isEqualToIgnoringNewLines(DIFF);
        assertThat(browser.findElement(By.cssSelector("#diff .add")).getText()).isEqualTo("+ntp server 198.18.0.2");
        assertThat(browser.findElement(By.cssSelector("#diff .del")).getText()).isEqualTo("-ntp server 198.18.0.1");
        assertThat(browser.findElement(By.cssSelector("#diff .hunk")).getText()).startsWith("@@ -1,3");
        assertThat(browser.findElement(By.id("timeline-rows")).getText()).contains("check running", "done");
    }

    @Test
    void aRunningRunIsFollowedLiveUntilItEnds() {
        long run = run("uilive" + ThreadLocalRandom.current().nextInt(100_000), "spine-a", "spine-b");
        runs.start(run);
        Map<String, Long> task = tasks(run);
        runs.step(task.get("spine-a"), Step.CHECK);

        open("admin", ADMIN_PASSWORD, "#runs/" + run);
        assertThat(awaitTaskRow("spine-a", text -> text.contains("running"))).startsWith("spine-a 0 running check");
        assertThat(taskRow("spine-b")).startsWith("spine-b 1 pending");
        assertThat(browser.findElement(By.id("cancel-run")).isDisplayed()).isTrue();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.notReloaded = true");
        browser.findElement(By.cssSelector("#task-rows tr[data-device='spine-a']")).click();
        awaitText(By.id("timeline-rows"), text -> text.contains("check running"));

        runs.recordDiff(task.get("spine-a"), DIFF);
        runs.finishTask(task.get("spine-a"), TaskState.DONE, null, null);
        runs.step(task.get("spine-b"), Step.CHECK);
        awaitTaskRow("spine-a", text -> text.contains("done"));
        awaitTaskRow("spine-b", text -> text.contains("running check"));
        // the open device's diff and timeline follow its task
        awaitText(By.id("diff"), text -> text.contains("+ntp server"));
        awaitText(By.id("timeline-rows"), text -> text.contains("done"));

        runs.finishTask(task.get("spine-b"), TaskState.UNCHANGED, null, null);
        runs.finish(run, RunState.DONE, null);
        awaitText(By.cssSelector("#run-rows tr[data-run='" + run + "']"),
                text -> text.contains("done") && text.contains("1 done · 1 unchanged · 0 failed · 0 skipped of 2"));
        awaitText(By.id("run-summary"), text -> text.startsWith("state done"));
        assertThat(browser.findElement(By.id("cancel-run")).isDisplayed()).isFalse();
        assertThat(js.executeScript("return window.notReloaded")).as("updated in place, not reloaded").isEqualTo(true);
    }

    @Test
    void viewersWatchRunsWithoutButtonsToChangeThem() {
        admin.post("/api/v1/users", map("username", "uiviewer", "password", "uiviewer-password", "roles",
                List.of("viewer")));
        long run = run("uiview" + ThreadLocalRandom.current().nextInt(100_000), "border-a", "border-b");
        runs.start(run);
        runs.step(tasks(run).get("border-a"), Step.CHECK);

        open("uiviewer", "uiviewer-password", "#runs/" + run);
        awaitTaskRow("border-a", text -> text.contains("running"));
        awaitText(By.id("me"), text -> text.equals("uiviewer (viewer)"));
        assertThat(browser.findElement(By.id("cancel-run")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("start-run")).isDisplayed()).isFalse();
    }

    @Test
    void aNetworkEngineerCancelsARunAndSeesWhyAStartIsRefused() {
        long run = run("uicancel" + ThreadLocalRandom.current().nextInt(100_000), "border-a", "border-b");
        runs.start(run);
        runs.step(tasks(run).get("border-a"), Step.CHECK);

        open("admin", ADMIN_PASSWORD, "#runs/" + run);
        WebElement cancel = await(b -> b.findElement(By.id("cancel-run")).isDisplayed()
                ? b.findElement(By.id("cancel-run")) : null);
        cancel.click();
        awaitTaskRow("border-b", text -> text.contains("cancelled"));
        awaitText(By.id("run-summary"), text -> text.startsWith("state cancelled"));
        assertThat(runs.state(run)).isEqualTo(RunState.CANCELLED);

        // a site without devices: the form's request is refused and the refusal shown, nothing is stored
        String empty = "uiempty" + ThreadLocalRandom.current().nextInt(100_000);
        assertThat(admin.post("/api/v1/sites", map("code", empty, "name", "Empty")).status()).isEqualTo(201);
        int before = jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Integer.class);
        browser.navigate().refresh(); // the form lists the sites it found when the page opened
        WebElement option = await(b -> b.findElement(By.cssSelector("#start-site option[value='" + empty + "']")));
        option.click();
        assertThat(browser.findElement(By.id("start-dry-run")).isSelected()).isTrue();
        browser.findElement(By.id("start-button")).click();
        assertThat(awaitText(By.id("start-message"), text -> text.contains("422")))
                .contains("no device with a management address");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pipeline_run", Integer.class)).isEqualTo(before);
    }

    /** A dry config run stored with its tasks (first device the canary, wave 0), not queued. */
    private long run(String site, String... devices) {
        Map<String, Integer> waves = new LinkedHashMap<>();
        List<DeviceTarget> targets = new java.util.ArrayList<>();
        for (int i = 0; i < devices.length; i++) {
            targets.add(new DeviceTarget(devices[i], "198.19.250." + (i + 1), "leaf", "r1"));
            waves.put(devices[i], i == 0 ? 0 : 1);
        }
        long id = runs.create(RunKind.CONFIG, new RunTarget(site, null, null, null, null),
                new RunOptions(true, 10, 1, 0.0), "admin", targets, waves);
        unfinished.add(id);
        return id;
    }

    private Map<String, Long> tasks(long run) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (TaskView task : runs.tasks(run)) {
            ids.put(task.device(), task.id());
        }
        return ids;
    }

    private String taskRow(String device) {
        return browser.findElement(By.cssSelector("#task-rows tr[data-device='" + device + "']")).getText();
    }

    private String awaitTaskRow(String device, java.util.function.Predicate<String> condition) {
        return awaitText(By.cssSelector("#task-rows tr[data-device='" + device + "']"), condition);
    }
}
