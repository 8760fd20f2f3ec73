package io.lodestar.warden.e2e;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;


/**
 * Prints how the console's fleet page holds up with a large fleet, in headless Chromium against a running
 * Supervisor (a fleet of simulated Wardens, see docs/benchmarks.md for the command): the time until every node is
 * read and the table drawn, a scroll from the first row to the last, the time a keystroke in the filter takes to redraw, and, while the page stays open on the live event
 * stream for {@code bench.seconds}, the main thread's long tasks (over 50 ms) and the worst timer delay, which is
 * how long a click could have waited. Not a test: it asserts nothing.
 */
public final class ConsoleFleetBenchmark {

    private ConsoleFleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String api = System.getProperty("bench.api", "http://127.0.0.1:8080");
        String key = System.getProperty("bench.key");
        int nodes = Integer.getInteger("bench.nodes", 1000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        System.setProperty("webdriver.chrome.driver", ConsoleIT.CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(ConsoleIT.CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("lodestar-fleet-bench"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ConsoleIT.CHROMEDRIVER)).usingAnyFreePort().build(), options);
        try {
            browser.manage().window().setSize(new Dimension(1280, 860));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(seconds + 120L));
            browser.get(api + "/console/");
            // the sign-in form is drawn by the console's script once it has loaded
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("key")).isEmpty());
            browser.findElement(By.id("key")).sendKeys(key);
            browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
            Thread.sleep(1000);
            browser.get("about:blank");
            browser.get(api + "/console/#/fleet");
            // the table draws the rows in view; it is ready when it holds every node (its aria-rowcount) and shows them
            Object firstRender = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1], wanted = arguments[0];
                    const grid = () => document.querySelector('table[data-table=fleet]');
                    const ready = () => grid() && Number(grid().getAttribute('aria-rowcount')) - 1 >= wanted
                        && grid().querySelector('tbody tr:not(.spacer)');
                    const check = () => ready() ? done(performance.now()) : setTimeout(check, 5);
                    check();""", nodes);
            System.out.printf("CONSOLE fleet of %d nodes: every node read and the table drawn %.0f ms after navigation start; %s rows in the document%n",
                    nodes, ((Number) firstRender).doubleValue(),
                    browser.executeScript("return document.querySelectorAll('table[data-table=fleet] tbody tr:not(.spacer)').length"));
            Object scroll = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const box = document.querySelector('.table.long .scroller');
                    if (!box) return done(-1);
                    const last = document.querySelector('table[data-table=fleet]').getAttribute('aria-rowcount');
                    const start = performance.now();
                    box.scrollTop = box.scrollHeight;
                    const check = () => document.querySelector(`table[data-table=fleet] tr[aria-rowindex="${last}"]`)
                        ? done(performance.now() - start) : requestAnimationFrame(check);
                    check();""");
            System.out.printf("CONSOLE fleet scrolled from the first row to the last: drawn in %.0f ms%n", ((Number) scroll).doubleValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> filter = (Map<String, Object>) browser.executeScript("""
                    const input = document.querySelector('#fleet-filter');
                    const times = [];
                    for (const text of ['n', 'no', 'nod', 'node', '', 'zzz', '']) {
                      const start = performance.now();
                      input.value = text;
                      input.dispatchEvent(new Event('input'));
                      times.push(performance.now() - start);
                    }
                    times.sort((a, b) => a - b);
                    return { median: times[3], max: times[6] };""");
            System.out.printf("CONSOLE fleet filter keystroke → table redrawn: median %.0f ms, max %.0f ms (7 keystrokes)%n",
                    ((Number) filter.get("median")).doubleValue(), ((Number) filter.get("max")).doubleValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> live = (Map<String, Object>) browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1], seconds = arguments[0];
                    const longTasks = [];
                    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
                        .observe({ type: 'longtask', buffered: false });
                    let worstDelay = 0, last = performance.now();
                    const timer = setInterval(() => { const now = performance.now(); worstDelay = Math.max(worstDelay, now - last - 50); last = now; }, 50);
                    setTimeout(() => {
                      clearInterval(timer);
                      done({ longTasks: longTasks.length, longest: Math.max(0, ...longTasks), total: longTasks.reduce((s, d) => s + d, 0),
                             worstDelay, mode: document.querySelector('#live-mode')?.dataset.live ?? 'none',
                             summary: document.querySelector('#view p[aria-live]')?.textContent ?? '' });
                    }, seconds * 1000);""", seconds);
            System.out.printf("CONSOLE fleet page open %d s (%s): %s long tasks, longest %.0f ms, %.0f ms in long tasks in all,"
                    + " worst timer delay %.0f ms; %s%n", seconds, live.get("mode"), live.get("longTasks"),
                    ((Number) live.get("longest")).doubleValue(), ((Number) live.get("total")).doubleValue(),
                    ((Number) live.get("worstDelay")).doubleValue(), live.get("summary"));
        } finally {
            browser.quit();
        }
    }
}
