package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's kill-switch panel in a real browser, on the lab site's intent without the lab running: its
 * management addresses are in 198.18.0.0/15, which nothing answers here, so every link of the engage fails with
 * its reason (what the panel shows for unreachable borders). Its own application context: an engaged switch must
 * not leak into other tests.
 */
@Tag("slow") // its own Spring context and a real peer (browser, BMC simulator or Prometheus): CI runs it, the inner loop not
@TestPropertySource(properties = {"ferrum.kill-switch.verify-timeout=1s", "ferrum.kill-switch.release-pace=10ms",
    "ferrum.kill-switch.maintain-every=1h"})
class KillSwitchConsoleTest extends BrowserTestBase {

    @Test
    void anOperatorEngagesBehindATypedConfirmationAndASecondOperatorApprovesTheRelease() throws Exception {
        String definition = Files.readString(Path.of("..", "examples", "lab-site.yaml"));
        var planned = admin.send("POST", "/api/v1/plans?fileName=lab-site.yaml", definition, null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "")
                .status()).isEqualTo(200);
        for (String op : List.of("kcop1", "kcop2")) {
            assertThat(admin.post("/api/v1/users", map("username", op, "password", op + "-password-long", "roles",
                    List.of("operator"))).status()).isEqualTo(201);
        }
        // the plan is computed after the apply commits
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (admin.get("/api/v1/kill-switch/plan").status() != 200
                || admin.get("/api/v1/kill-switch/plan").json().get("links").asInt() < 102) {
            assertThat(System.nanoTime()).as("the kill plan").isLessThan(deadline);
            Thread.sleep(200);
        }

        open("kcop1", "kcop1-password-long", "#kill");
        String scope = awaitText(By.cssSelector("#scope-rows tr[data-scope='exchange XAMS']"),
                text -> text.contains("XAMS"));
        assertThat(scope).contains("exchange XAMS 34");
        assertThat(browser.findElement(By.id("kill-state")).getText()).contains("nothing is engaged");
        browser.findElement(By.cssSelector("#scope-rows tr[data-scope='exchange XAMS'] button")).click();
        WebElement engage = browser.findElement(By.id("engage-button"));
        assertThat(engage.isEnabled()).isFalse();
        browser.findElement(By.id("engage-confirm")).sendKeys("exchange XLON");
        assertThat(engage.isEnabled()).as("the wrong scope typed").isFalse();
        browser.findElement(By.id("engage-confirm")).clear();
        browser.findElement(By.id("engage-confirm")).sendKeys("exchange XAMS");
        browser.findElement(By.id("engage-reason")).sendKeys("console test: algo misbehaving");
        assertThat(engage.isEnabled()).isTrue();
        engage.click();

        String state = awaitText(By.id("kill-state"), text -> text.startsWith("engaged"));
        assertThat(state).contains("exchange XAMS", "by kcop1", "console test: algo misbehaving", "34 failed");
        String link = browser.findElement(By.cssSelector("#kill-link-rows tr[data-link='lab1-border01:Ethernet3/1']"))
                .getText();
        assertThat(link).contains("XAMS-0001", "failed");
        assertThat(browser.findElements(By.cssSelector("#kill-link-rows tr[data-link='lab1-border01:Ethernet3/1'] td"))
                .get(7).getText()).as("the reason").isNotBlank();

        browser.findElement(By.id("release-reason")).sendKeys("console test done");
        browser.findElement(By.id("release-button")).click();
        String request = awaitText(By.cssSelector("#release-rows tr"), text -> text.contains("pending"));
        assertThat(request).contains("kcop1", "console test done");
        assertThat(browser.findElements(By.cssSelector("#release-rows tr button")))
                .as("no approve button on one's own request").isEmpty();

        browser.quit();
        browser = null;
        start(); // a second operator, in a browser of their own
        open("kcop2", "kcop2-password-long", "#kill");
        await(b -> b.findElement(By.cssSelector("#release-rows tr button"))).click();
        assertThat(awaitText(By.id("kill-state"), text -> text.startsWith("released"))).contains("released");
        assertThat(awaitText(By.cssSelector("#release-rows tr"), text -> text.contains("released")))
                .contains("kcop2");
    }
}
