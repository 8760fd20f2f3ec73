package io.lodestar.diagnostics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.testing.SampleReports;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens report.html in Debian's headless Chromium from a file:// URL with the network blocked.
 * Uses the system chromedriver and browser only; nothing is downloaded (Selenium Manager is never
 * consulted because both executables are given).
 */
class ReportInBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path temp;
    static ChromeDriver browser;
    static String reportUrl;

    @BeforeAll
    static void openBrowser() throws Exception {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium not installed: apt-get install -y chromium chromium-driver (CI installs them)");
        Path report = temp.resolve("report.html");
        Files.writeString(report, new HtmlReportRenderer().render(SampleReports.mixed()), StandardCharsets.UTF_8);
        reportUrl = report.toUri().toString();
        browser = start(temp.resolve("profile"), false);
    }

    static ChromeDriver start(Path profile, boolean javascriptOff) throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + Files.createDirectories(profile),
                // block the network outright: any request the page tried would go to a dead proxy or fail DNS
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (javascriptOff) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshPage() {
        browser.manage().logs().get(LogType.PERFORMANCE); // drain: the start page's own chrome:// loads are not ours
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(reportUrl);
    }

    private List<String> visibleIds() {
        return browser.findElements(By.cssSelector("details.check")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getAttribute("id")).toList();
    }

    @Test
    void loadsWithZeroNetworkRequestsAndNoPolicyViolations() {
        List<String> requested = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("\"Network.requestWillBeSent\"")).toList();
        assertThat(requested).isNotEmpty().allSatisfy(m -> assertThat(m).contains("\"url\":\"" + reportUrl + "\""));
        Object resources = ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource').length");
        assertThat(resources).isEqualTo(0L);
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
        assertThat(browser.findElement(By.id("shown-count")).getText()).isEqualTo("6 of 6 checks shown"); // the inline script ran
    }

    @Test
    void clickingAStatusShowsOnlyThatStatus() {
        browser.findElement(By.cssSelector(".summary button[data-status='warn']")).click();
        assertThat(visibleIds()).containsExactly("check-kernel.max_map_count");
        browser.findElement(By.cssSelector(".summary button[data-status='']")).click();
        assertThat(visibleIds()).hasSize(6).first().isEqualTo("check-disk.space");
    }

    @Test
    void categoryFilterAndSearchNarrowTheList() {
        browser.findElement(By.id("search")).sendKeys("sysctl.d");
        assertThat(visibleIds()).containsExactly("check-kernel.max_map_count");
        browser.findElement(By.id("search")).clear();
        browser.findElement(By.id("search")).sendKeys("x");
        browser.findElement(By.cssSelector("#category option[value='logs']")).click();
        assertThat(visibleIds()).containsExactly("check-logs.iggy_recent");
    }

    @Test
    void withJavascriptOffEverythingIsListedAndTheControlsAreHidden() throws Exception {
        ChromeDriver noJs = start(temp.resolve("profile-nojs"), true);
        try {
            noJs.get(reportUrl);
            assertThat(noJs.findElements(By.cssSelector("details.check")).stream().filter(WebElement::isDisplayed)).hasSize(6);
            assertThat(noJs.findElement(By.className("controls")).isDisplayed()).isFalse();
            assertThat(noJs.findElement(By.cssSelector("#check-disk\\.space .remediation")).isDisplayed()).isTrue();
        } finally {
            noJs.quit();
        }
    }
}
