package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web console in Debian's headless Chromium against a local Lodestar of three nodes: sign in, restart
 * iggy on one node and watch it complete from the event stream without reloading, follow a rolling restart
 * node by node and cancel it, open a node's page with its charts and log tail, diff two configs, open a snapshot's report,
 * export a table, sign out; a read-only key sees no action button and its forged write is refused. Takes
 * the screenshots in docs/images and prints the deployment page's first load and bytes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static LocalLodestar lodestar;
    private static ChromeDriver browser;
    private static Path downloads;
    private static String readOnlyKey;

    @BeforeAll
    static void up() throws Exception {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium not installed: apt-get install -y chromium chromium-driver (CI installs them)");
        Path temp = Files.createTempDirectory("lodestar-console-it");
        // a minute for a task: under a loaded machine, the first start of the stand-in runtimes took longer than 20 s
        lodestar = new LocalLodestar(temp.resolve("state"), 18680, 19680, 24700, "-Dsupervisor.dispatch.deadline=60s");
        lodestar.up();
        readOnlyKey = api().body(Map.of("name", "viewer", "permissions", List.of("deployment:read", "agent:read")))
                .post("/api-keys").then().statusCode(201).extract().path("key");
        downloads = Files.createDirectories(temp.resolve("downloads"));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createDirectories(temp.resolve("profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 860));
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (lodestar != null) {
            lodestar.down();
        }
    }

    @Test
    @Order(1)
    void signInShowsTheFleetAndExportsIt() throws IOException {
        signIn(lodestar.apiKey());
        waitFor("table[data-table=fleet] tbody tr:nth-child(3)");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> css("table[data-table=fleet]").getText().split("online", -1).length > 3);
        assertThat(browser.executeScript("return localStorage.length + sessionStorage.length + document.cookie.length"))
                .as("the key and the session stay out of the page's reach").isEqualTo(0L);
        screenshot("console-fleet.png");
        css("button[data-export=csv]").click();
        Path csv = downloads.resolve("fleet.csv");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Node,Id,Link");
        assertThat(String.join("\n", lines)).contains(String.valueOf(lodestar.nodeIds().get(0)));
        css("button[data-export=json]").click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> Files.exists(downloads.resolve("fleet.json")));
        // ids written as the exact numbers the API sent, not rounded by JavaScript
        assertThat(Files.readString(downloads.resolve("fleet.json"))).contains("\"id\": " + lodestar.nodeIds().get(0));
    }

    @Test
    @Order(2)
    void aRuntimeKilledByHandShowsUnhealthyInTheFleetAndHealthyAgainAfterAStartWithoutReloading() throws Exception {
        browser.get(lodestar.url() + "/console/#/fleet");
        waitFor("#live-mode[data-live=stream]");
        browser.executeScript("window.sameDocument = true");
        long node = lodestar.nodeIds().get(2);
        String row = "//table[@data-table='fleet']//tr[.//a[@href='#/nodes/" + node + "']]";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(ConsoleIT::redrawn)
                .until(() -> "true".equals(browser.findElement(By.xpath(row + "//span[@data-runtime='iggy']")).getAttribute("data-healthy")));

        new ProcessBuilder("kill", "-9", String.valueOf(lodestar.runtimePid(3, "iggy"))).start().waitFor(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(ConsoleIT::redrawn)
                .until(() -> "false".equals(browser.findElement(By.xpath(row + "//span[@data-runtime='iggy']")).getAttribute("data-healthy")));
        // what the Warden said of the exit, in words
        assertThat(browser.findElement(By.xpath(row + "//span[@data-runtime='iggy']")).getText()).startsWith("iggy ✗ ").contains("exited");

        api().body("{\"nodes\":[\"" + node + "\"]}").post("/deployments/" + lodestar.deploymentId() + "/activities/iggy/start")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsMatching(ConsoleIT::redrawn)
                .until(() -> browser.findElement(By.xpath(row + "//span[@data-runtime='iggy']")).getText().equals("iggy ✓"));
        assertThat(browser.executeScript("return window.sameDocument === true")).as("the same document all along: no reload").isEqualTo(true);
    }

    @Test
    @Order(3)
    void theDeploymentPageLoadsWithinASecondAndRestartsIggyOnOneNodeLive() throws Exception {
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.get("about:blank"); // a new document: from /console/#/fleet, the next URL would only change the hash
        long start = System.nanoTime();
        browser.get(lodestar.url() + "/console/#/deployments/" + lodestar.deploymentId());
        Object rendered = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const ready = () => document.querySelector('table[data-table=nodes] tbody tr') && document.querySelector('table[data-table=activities], section p.empty');
                if (ready()) return done(performance.now());
                new MutationObserver((m, o) => { if (ready()) { o.disconnect(); done(performance.now()); } })
                    .observe(document.body, { childList: true, subtree: true });""");
        long wall = (System.nanoTime() - start) / 1_000_000;
        @SuppressWarnings("unchecked")
        Map<String, Object> bytes = (Map<String, Object>) browser.executeScript("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                const sum = (f) => entries.filter(f).reduce((s, e) => s + e.transferSize, 0);
                return { all: sum(() => true), assets: sum((e) => e.name.includes('/console/')), api: sum((e) => !e.name.includes('/console/')),
                         requests: entries.length, decoded: entries.filter((e) => e.name.includes('/console/')).reduce((s, e) => s + e.decodedBodySize, 0) };""");
        System.out.printf("CONSOLE deployment page, cold cache, loopback: rendered at %.0f ms after navigation start (%d ms wall in the test);"
                + " %s requests, %s bytes transferred (console files %s, gzip; %s decoded; API %s)%n",
                ((Number) rendered).doubleValue(), wall, bytes.get("requests"), bytes.get("all"), bytes.get("assets"),
                bytes.get("decoded"), bytes.get("api"));
        // The 1 s target is a benchmark figure (docs/benchmarks.md), printed, not asserted: a loaded CI
        // machine would fail it for reasons that are not the console's.
        System.out.println("CONSOLE first-load target 1000 ms: " + (((Number) rendered).doubleValue() <= 1000 ? "met" : "MISSED"));

        long node = lodestar.nodeIds().get(0);
        long startsBefore = lodestar.iggyStartCount(1);
        long otherStartsBefore = lodestar.iggyStartCount(2);
        waitFor("#live-mode[data-live=stream]");
        browser.executeScript("performance.clearResourceTimings()"); // its buffer holds 250 entries: start counting from here
        waitFor("input[data-node='" + node + "']").click();
        css("button[data-action='iggy:restart']").click();
        WebElement dialog = waitFor("dialog[open]");
        assertThat(dialog.getText()).contains("Restart iggy on 1 node", String.valueOf(node), "SIGTERM", "Parallel: every node at once");
        // a restart keeps a majority up unless the person clears the guard for this one action
        assertThat(css("#rollout-quorum-guard").isSelected()).isTrue();
        css("#rollout-quorum-guard").click();
        css("dialog[open] button[data-confirm]").click();
        // The timeline re-renders as events come: a row read between two renders is stale, and is read again.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            String first = css("table[data-table=activities] tbody tr").getText();
            return first.contains("restart") && first.contains("completed");
        });
        assertThat(reads("/rollouts/")).as("the page's reads are counted: it read the new rollout").isPositive();
        assertThat(reads("/activities?")).as("the completion came from the event stream: the page read no activity list again")
                .isZero();
        // until the new rollout is drawn, the panel may still show the previous one, without this node
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(ConsoleIT::redrawn).until(() ->
                css("#rollout .rollout-node[data-node='" + node + "']").getAttribute("data-state").equals("succeeded"));
        assertThat(lodestar.iggyStartCount(1)).isGreaterThan(startsBefore);
        assertThat(lodestar.iggyStartCount(2)).as("the other nodes were not touched").isEqualTo(otherStartsBefore);
        assertThat(api().get("/deployments/" + lodestar.deploymentId() + "/rollouts?results=1").then().statusCode(200)
                .extract().<Boolean>path("items[0].quorum_guard")).as("the cleared guard was sent: quorum_guard false").isFalse();
        browser.executeScript("document.querySelector('#rollout').scrollIntoView({block: 'center'})");
        screenshot("console-deployment.png");
    }

    @Test
    @Order(4)
    void aRollingRestartShowsItsProgressNodeByNodeAndIsCancelled() throws Exception {
        browser.navigate().refresh(); // nothing selected: every node
        waitFor("#live-mode[data-live=stream]");
        long lastNode = lodestar.nodeIds().get(2);
        long lastStartsBefore = lodestar.iggyStartCount(3);
        waitFor("button[data-action='iggy:restart']").click();
        WebElement dialog = waitFor("dialog[open]");
        assertThat(css("dialog[open] [data-rollout-summary]").getText())
                .contains("Rolling: 1 node at a time", "healthy for 5s", "max_errors 0", "at most 1 of the deployment's 3 nodes down");
        assertThat(css("#rollout-strategy").getAttribute("value")).isEqualTo("rolling");
        assertThat(css("#rollout-quorum-guard").isSelected()).as("each confirmation starts with the guard on").isTrue();
        css("dialog[open] button[data-confirm]").click();
        // node by node (until the new rollout is drawn, the panel shows the previous one, without these nodes):
        // the first one done or in its health gate while the last one still waits for its batch
        await().atMost(Duration.ofSeconds(40)).ignoreExceptionsMatching(ConsoleIT::redrawn).until(() ->
                browser.findElements(By.cssSelector("#rollout .rollout-node[data-state=gating], #rollout .rollout-node[data-state=succeeded]")).size() >= 1
                && "waiting".equals(css("#rollout .rollout-node[data-node='" + lastNode + "']").getAttribute("data-state")));
        screenshot("console-rollout.png");
        waitFor("#rollout-cancel").click();
        assertThat(waitFor("dialog[open]").getText()).contains("will not be acted on", String.valueOf(lastNode));
        css("dialog[open] button[data-confirm]").click();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(ConsoleIT::redrawn).until(() ->
                css("#rollout").getText().contains("cancelled")
                && "skipped".equals(css("#rollout .rollout-node[data-node='" + lastNode + "']").getAttribute("data-state")));
        assertThat(browser.findElements(By.cssSelector("#rollout-cancel"))).as("an ended rollout offers no cancel").isEmpty();
        assertThat(lodestar.iggyStartCount(3)).as("the node whose batch never started was not restarted").isEqualTo(lastStartsBefore);
    }

    @Test
    @Order(5)
    void aNodesPageShowsItsFactsMetricsAndALiveLogTail() throws IOException {
        browser.get(lodestar.url() + "/console/#/fleet");
        long node = lodestar.nodeIds().get(0);
        waitFor("a[href='#/nodes/" + node + "']").click();
        // the page draws again as events come: each read waits out a redraw
        awaitText("dl.facts", String.valueOf(node), "Warden", "Deployment");
        waitFor("#live-mode[data-live=stream]");
        awaitText("table[data-table=node-activities]", "restart", "completed");
        // drawn from the newest stored metric point: points are stored once a minute, and the panel reads every 15 s
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> css("table[data-table=node-runtimes]").getText().contains("running"));
        awaitText("table[data-table=node-runtimes]", "iggy", "running");
        WebElement cpu = waitFor("svg.chart[data-chart=cpu]");
        System.out.println("CONSOLE node page: CPU chart " + cpu.getAttribute("aria-label"));
        // the first minute gives one point: a dot, since a line needs two
        assertThat(cpu.findElements(By.cssSelector("path[d*='L'], circle"))).as("a point drawn").isNotEmpty();
        // the stand-in runtime writes a line as it starts: the tail shows the newest lines, then follows
        awaitText("#log-lines", "iggy_server");
        css("#log-toggle").click();
        assertThat(css("#log-toggle").getText()).isEqualTo("Follow");
        css("#log-toggle").click();
        assertThat(css("#log-toggle").getText()).isEqualTo("Pause");
        screenshot("console-node.png");

        // the node has a stored metric point now: the fleet shows its host figures, not only its facts
        browser.get(lodestar.url() + "/console/#/fleet");
        String row = "//table[@data-table='fleet']//tr[.//a[@href='#/nodes/" + node + "']]";
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(ConsoleIT::redrawn).until(() ->
                browser.findElement(By.xpath(row)).getText().matches("(?s).*\\d+ % of \\d+.*\\(\\d+ %\\).*\\(\\d+ %\\).*"));
    }

    @Test
    @Order(6)
    void configsShowTomlErrorsWhereTheyAreAndDiffTwoVersions() throws IOException {
        browser.get(lodestar.url() + "/console/#/deployments/" + lodestar.deploymentId() + "/configs");
        createConfig("typo", "[http]\nenabled = true\naddress = 127.0.0.1:3000\n");
        WebElement problem = waitFor("p.problem");
        assertThat(problem.getText()).contains("line 3, column");
        assertThat(css("#config-content").getAttribute("aria-invalid")).isEqualTo("true");
        createConfig("small-segments", "[system.segment]\nsize = \"1 GiB\"\n\n[http]\nenabled = true\n");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> css("#config-content").getAttribute("aria-invalid") == null
                && browser.findElements(By.cssSelector("table[data-table=configs] tbody tr")).size() == 1);
        createConfig("bigger-segments", "[system.segment]\nsize = \"2 GiB\"\n\n[http]\nenabled = true\n");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> browser.findElements(By.cssSelector("table[data-table=configs] tbody tr")).size() == 2);
        css("#diff-show").click();
        WebElement changed = waitFor("table.diff tr.changed");
        assertThat(changed.getText()).contains("size = \"1 GiB\"", "size = \"2 GiB\"");
        assertThat(browser.findElements(By.cssSelector("table.diff tr.changed"))).hasSize(1);
        browser.executeScript("document.querySelector('#diff-show').scrollIntoView()");
        screenshot("console-configs.png");

        // the person picks the pair the other way round; a version created by another client then appears
        // without a reload, and the pick stays
        String older = (String) browser.executeScript("return document.querySelector('#diff-left').value");
        String newer = (String) browser.executeScript("return document.querySelector('#diff-right').value");
        browser.executeScript("for (const [id, value] of [['#diff-left', arguments[0]], ['#diff-right', arguments[1]]]) {"
                + " const select = document.querySelector(id); select.value = value; select.dispatchEvent(new Event('change')); }", newer, older);
        assertThat(css("#live-mode").getAttribute("data-live")).isEqualTo("stream");
        api().body(Map.of("runtime", "iggy", "name", "from-another-client", "content", "[http]\nenabled = true\n"))
                .post("/deployments/" + lodestar.deploymentId() + "/configs").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(ConsoleIT::redrawn).until(() ->
                css("table[data-table=configs]").getText().contains("from-another-client"));
        assertThat(browser.executeScript("return [document.querySelector('#diff-left').value, document.querySelector('#diff-right').value]"))
                .isEqualTo(List.of(newer, older));
    }

    @Test
    @Order(7)
    void aSnapshotIsTakenAndItsReportOpensInPlace() throws IOException {
        browser.get(lodestar.url() + "/console/#/deployments/" + lodestar.deploymentId() + "/snapshots");
        waitFor("#snap-iggy").click(); // leave Iggy's data out: quicker, and the other option stays on
        // live from the event stream: the page reads the list again only when a node's item ends, never on a timer
        waitFor("#live-mode[data-live=stream]");
        css("#snap-create").click();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() ->
                browser.findElements(By.cssSelector("button[data-report]")).size() == 3);
        // one snapshot of three nodes counts once against the plan
        assertThat(css("#snap-plan").getText()).startsWith("Plan ").contains(" snapshots per deployment, each kept ")
                .endsWith("This deployment holds 1.");
        css("button[data-report]").click();
        WebElement frame = waitFor("iframe.report");
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        browser.switchTo().frame(frame);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> browser.findElement(By.tagName("body")).getText().length() > 100);
        String report = browser.findElement(By.tagName("body")).getText();
        browser.switchTo().defaultContent();
        assertThat(report).containsIgnoringCase("check");
        browser.executeScript("document.querySelector('iframe.report').scrollIntoView()");
        screenshot("console-snapshot-report.png");
    }

    @Test
    @Order(8)
    void operationsAuditAndKeysPages() throws IOException {
        browser.get(lodestar.url() + "/console/#/keys");
        waitFor("table[data-table=api-keys] tbody tr");
        screenshot("console-keys.png");
        browser.get(lodestar.url() + "/console/#/audit");
        waitFor("table[data-table=audit] tbody tr");
        browser.get(lodestar.url() + "/console/#/operations");
        waitFor("table[data-table=operations] tbody tr");
        browser.get(lodestar.url() + "/console/#/deployments");
        waitFor("#live-mode[data-live=stream]");
        assertThat(waitFor("table[data-table=deployments] tbody tr").getText()).contains(Long.toString(lodestar.deploymentId()));
    }

    @Test
    @Order(9)
    void aLongTableDrawsOnlyTheRowsInViewAndExportsThemAll() throws IOException {
        int keys = 300;
        for (int i = 0; i < keys; i++) {
            api().body(Map.of("name", "bulk-%03d".formatted(i), "permissions", List.of("deployment:read"))).post("/api-keys")
                    .then().statusCode(201);
        }
        browser.get(lodestar.url() + "/console/#/audit");
        waitFor("table[data-table=audit] tbody tr");
        browser.get(lodestar.url() + "/console/#/keys");
        WebElement grid = waitFor("table[data-table=api-keys][aria-rowcount]");
        long rows = Long.parseLong(grid.getAttribute("aria-rowcount")) - 1;
        assertThat(rows).as("every key is in the table").isGreaterThan(keys);
        int drawn = browser.findElements(By.cssSelector("table[data-table=api-keys] tbody tr:not(.spacer)")).size();
        assertThat(drawn).as("only the rows in view and a few around them are drawn").isBetween(10, 100);
        String lastRow = "table[data-table=api-keys] tbody tr[aria-rowindex='" + (rows + 1) + "']";
        assertThat(browser.findElements(By.cssSelector(lastRow))).as("the last row is not drawn before it is in view").isEmpty();
        // scrolled to its end, the box draws its last rows: the scrollbar is as long as every row
        browser.executeScript("const box = document.querySelector('.table.long .scroller'); box.scrollTop = box.scrollHeight;");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(ConsoleIT::redrawn)
                .until(() -> browser.findElements(By.cssSelector(lastRow)).size() == 1);
        assertThat(browser.findElements(By.cssSelector("table[data-table=api-keys] tbody tr:not(.spacer)")).size()).isBetween(10, 100);
        String lastName = css(lastRow + " td").getText();
        screenshot("console-long-table.png");
        css("button[data-export=csv]").click();
        Path csv = downloads.resolve("api-keys.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).as("the export holds every row, drawn or not").hasSize((int) rows + 1);
        assertThat(String.join("\n", lines)).contains("bulk-000", "bulk-299");
        assertThat(lines.get(lines.size() - 1)).as("the row drawn last is the export's last").startsWith(lastName + ",");
    }

    @Test
    @Order(10)
    void signingOutEndsTheSessionOnTheServer() {
        String session = browser.manage().getCookieNamed("ld_session").getValue();
        assertThat(browser.manage().getCookieNamed("ld_session").isHttpOnly()).isTrue();
        css("#sign-out").click();
        waitFor("form.sign-in");
        given().baseUri(lodestar.url()).cookie("ld_session", session).get("/deployments").then().statusCode(401);
        browser.get(lodestar.url() + "/console/#/fleet");
        waitFor("form.sign-in");
    }

    @Test
    @Order(11)
    void aReadOnlyKeySeesNoActionAndItsForgedWriteIsRefused() throws IOException {
        signIn(readOnlyKey);
        browser.get(lodestar.url() + "/console/#/deployments/" + lodestar.deploymentId());
        waitFor("table[data-table=nodes] tbody tr");
        assertThat(browser.findElements(By.cssSelector("[data-action], input[data-node]"))).isEmpty();
        assertThat(css("#nav").getText()).contains("Fleet", "Deployments").doesNotContain("API keys", "Audit");
        browser.get(lodestar.url() + "/console/#/deployments/" + lodestar.deploymentId() + "/configs");
        waitFor("table[data-table=configs] tbody tr");
        assertThat(browser.findElements(By.cssSelector("[data-apply], #config-content"))).isEmpty();
        browser.get(lodestar.url() + "/console/#/deployments/" + lodestar.deploymentId() + "/snapshots");
        waitFor("table[data-table=snapshots] tbody tr");
        assertThat(browser.findElements(By.cssSelector("#snap-create"))).isEmpty();
        screenshot("console-read-only.png");
        Object forged = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const { csrf_token } = await (await fetch('/console/session')).json();
                const withToken = await fetch(arguments[0], { method: 'POST', headers: { 'ld-csrf': csrf_token, 'Content-Type': 'application/json' }, body: '{}' });
                const without = await fetch(arguments[0], { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
                done([withToken.status, (await withToken.json()).detail, without.status]);""",
                "/deployments/" + lodestar.deploymentId() + "/activities/iggy/restart");
        System.out.println("CONSOLE forged restart by a read-only key: " + forged);
        assertThat((List<?>) forged).element(0).isEqualTo(403L);
        assertThat((List<?>) forged).element(1).asString().contains("deployment:manage");
        assertThat((List<?>) forged).element(2).isEqualTo(403L);
    }

    /** How many requests the page made to a URL holding this text since the resource timings were last cleared. */
    private static long reads(String part) {
        return (Long) browser.executeScript("return performance.getEntriesByType('resource').filter((e) => e.name.includes(arguments[0])).length", part);
    }

    private static void signIn(String key) {
        browser.get(lodestar.url() + "/console/");
        waitFor("#key").sendKeys(key);
        css("form.sign-in button[type=submit]").click();
        waitFor("#sign-out");
    }

    private static void createConfig(String name, String content) {
        WebElement nameField = waitFor("#config-name");
        nameField.clear();
        nameField.sendKeys(name);
        // set the TOML directly: typing would let the textarea's own newline handling in
        browser.executeScript("document.querySelector('#config-content').value = arguments[0]", content);
        css("form.stacked button[type=submit]").click();
    }

    /**
     * Whether a read failed because the page was being redrawn (the element replaced, or not drawn yet): read again.
     * One predicate for both, since each ignoreExceptions… call replaces the one before it.
     */
    private static boolean redrawn(Throwable failure) {
        return failure instanceof StaleElementReferenceException || failure instanceof org.openqa.selenium.NoSuchElementException;
    }

    /** Waits until the element's text holds every part, reading it again when a redraw replaced it. */
    private static void awaitText(String selector, String... parts) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(ConsoleIT::redrawn)
                .until(() -> java.util.Arrays.stream(parts).allMatch(css(selector).getText()::contains));
    }

    private static WebElement waitFor(String selector) {
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(selector))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private static WebElement css(String selector) {
        return browser.findElement(By.cssSelector(selector));
    }

    private static void screenshot(String name) throws IOException {
        // an absent value written into the page ("null", "undefined") is a bug, on every page shown in the docs
        assertThat(browser.executeScript("const found = document.evaluate(\"//body//text()[normalize-space(.)='null' or"
                + " normalize-space(.)='undefined']\", document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);"
                + " return found.snapshotLength")).as("text nodes reading null or undefined on " + name).isEqualTo(0L);
        Path images = Files.createDirectories(lodestar.root().resolve("docs/images"));
        // two frames: what was just scrolled into view (a report's frame above all) is painted before it is taken
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)));");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), images.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }
}
