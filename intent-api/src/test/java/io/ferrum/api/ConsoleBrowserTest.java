package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The console's sites page in a real browser: logs in, opens a site, checks every rack elevation renders and an
 * export link downloads. Other pages have their own classes on {@link BrowserTestBase}.
 */
class ConsoleBrowserTest extends BrowserTestBase {

    @Test
    void aLoggedInUserOpensASiteSeesItsElevationsAndDownloadsAnExport() {
        String[] site = SiteDefinitions.freshSmallSite();
        var planned = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site[1], null);
        assertThat(admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "")
                .status()).isEqualTo(200);

        open("admin", ADMIN_PASSWORD, "");
        WebElement row = await(b -> b.findElements(By.cssSelector("#site-rows tr.clickable")).stream()
                .filter(r -> r.getText().startsWith(site[0] + " ")).findFirst().orElse(null));
        row.click();

        await(b -> b.findElement(By.id("site-title")).getText().startsWith(site[0]) ? true : null);
        List<WebElement> elevations = await(b -> {
            List<WebElement> images = b.findElements(By.cssSelector("#racks img"));
            return images.size() >= 4 ? images : null;
        });
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (WebElement img : elevations) {
            // rendered: the SVG loaded and has a size, not a broken-image icon
            Object width = await(b -> {
                Object w = js.executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
                return w instanceof Number n && n.intValue() > 0 ? n : null;
            });
            assertThat(((Number) width).intValue()).as(img.getAttribute("alt")).isGreaterThan(50);
        }
        Boolean devicesListed = await(b -> b.findElements(By.cssSelector("#device-rows tr")).size() > 10 ? true : null);
        assertThat((Object) devicesListed).isEqualTo(Boolean.TRUE);

        WebElement buildPack = browser.findElement(By.linkText("Build pack (PDF)"));
        assertThat(buildPack.getAttribute("href")).endsWith("/api/v1/sites/" + site[0] + "/exports/build-pack-pdf");
        // the link downloads with the browser's login: the same request a click makes
        Object download = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(async r => done([r.status, r.headers.get('content-type'),"
                + " (await r.arrayBuffer()).byteLength])).catch(e => done(String(e)));", buildPack.getAttribute("href"));
        assertThat(download).asList().containsExactly(200L, "application/pdf", ((List<?>) download).get(2));
        assertThat(((Number) ((List<?>) download).get(2)).longValue()).isGreaterThan(10_000);
    }
}
