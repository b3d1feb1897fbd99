package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser: Debian's chromium, headless, driven by chromium-driver through Selenium. Logs in,
 * opens a site, checks every rack elevation renders and an export link downloads. Later console pages (pipelines,
 * drift, kill switch) build on {@link #browser()}.
 */
class ConsoleBrowserTest extends ApiTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;
    private WebDriver browser;

    @BeforeEach
    void start() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (Debian package chromium)"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " (Debian package chromium-driver)" : null;
        if (missing != null) {
            System.out.println("SKIPPED console browser test: no " + missing + "; .ci/apt/browser.txt installs it");
        }
        Assumptions.assumeTrue(missing == null, () -> "no " + missing);
        browser = browser();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Headless chromium with the flags this machine needs (no sandbox as root, no background network). */
    WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Polls until the condition gives a value (not null), for up to 30 s; a missing element counts as not yet. */
    private <T> T await(java.util.function.Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                T value = condition.apply(browser);
                if (value != null) {
                    return value;
                }
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                // not rendered yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console did not get there in 30 s; page:\n"
                        + browser.findElement(By.tagName("body")).getText());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Test
    void aLoggedInUserOpensASiteSeesItsElevationsAndDownloadsAnExport() {
        String[] site = SiteDefinitions.freshSmallSite();
        var planned = admin.send("POST", "/api/v1/plans?fileName=site.yaml", site[1], null);
        assertThat(admin.post("/api/v1/plans/" + planned.json().get("plan").get("id").asString() + "/apply", "")
                .status()).isEqualTo(200);

        browser.get("http://admin:" + ADMIN_PASSWORD + "@localhost:" + port + "/console/");
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
