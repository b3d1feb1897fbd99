package io.ferrum.api;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser: Debian's chromium, headless, driven by chromium-driver through Selenium. Each test
 * gets a fresh browser (its own profile, so no login carries over); without chromium the test is skipped, saying
 * which package is missing.
 */
abstract class BrowserTestBase extends ApiTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path profile;
    protected WebDriver browser;

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
    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        return driver;
    }

    /** Opens a console page signed in as {@code user}; {@code fragment} picks the page, e.g. {@code #runs/7}. */
    protected void open(String user, String password, String fragment) {
        browser.get("http://" + user + ":" + password + "@localhost:" + port + "/console/" + fragment);
    }

    /** Polls until the condition gives a value (not null), for up to 30 s; a missing element counts as not yet. */
    protected <T> T await(Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                T value = condition.apply(browser);
                if (value != null) {
                    return value;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                // not rendered yet, or re-rendered while being read
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

    /** Waits until the element's text satisfies the condition and returns that text. */
    protected String awaitText(By element, java.util.function.Predicate<String> condition) {
        return await(b -> {
            String text = b.findElement(element).getText();
            return condition.test(text) ? text : null;
        });
    }
}
