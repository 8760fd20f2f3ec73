package io.lodestar.diagnostics.bench;

import io.lodestar.diagnostics.CatalogRunner;
import io.lodestar.diagnostics.CheckCatalog;
import io.lodestar.diagnostics.Finding;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.report.HtmlReportRenderer;
import io.lodestar.diagnostics.report.Reports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: runs the whole catalog on this host several times and prints the median wall time
 * and the report size. Each run builds a fresh context, as a real snapshot does.
 *
 * <pre>./mvnw -B -q -pl diagnostics exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.lodestar.diagnostics.bench.CatalogBenchmark</pre>
 */
public final class CatalogBenchmark {

    static final int WARMUP = 2;
    static final int RUNS = 9;

    public static void main(String[] args) {
        System.out.println(CheckCatalog.ids().size() + " checks, " + RUNS + " runs after " + WARMUP + " warm-up runs");
        Result noWindow = measure(Duration.ZERO);
        Result window = measure(HostContext.DEFAULT_CPU_SAMPLE_WINDOW);
        System.out.printf(Locale.ROOT, "median catalog time, sampling window excluded (0 ms): %d ms (min %d, max %d)%n",
                noWindow.median(), noWindow.min(), noWindow.max());
        System.out.printf(Locale.ROOT, "median catalog time, with the default %d ms sampling window: %d ms%n",
                HostContext.DEFAULT_CPU_SAMPLE_WINDOW.toMillis(), window.median());
        System.out.printf(Locale.ROOT, "report.html: %d bytes (%.1f KiB)%n", noWindow.reportBytes(), noWindow.reportBytes() / 1024.0);
    }

    record Result(long median, long min, long max, int reportBytes) {
    }

    static Result measure(Duration window) {
        List<Long> times = new ArrayList<>();
        int reportBytes = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            HostContext context = HostContext.builder().environment(System.getenv()).cpuSampleWindow(window).build();
            long started = System.nanoTime();
            List<Finding> findings = new CatalogRunner().run(CheckCatalog.all(), context);
            long took = System.nanoTime() - started;
            if (i >= WARMUP) {
                times.add(took / 1_000_000);
                String html = new HtmlReportRenderer().render(Reports.build(context, findings, Duration.ofNanos(took), true));
                reportBytes = html.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        times.sort(null);
        return new Result(times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), reportBytes);
    }
}
