package io.lodestar.diagnostics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks in parallel on a small pool, each bounded by a timeout counted from when it starts.
 * A check that overruns yields {@code error} and its worker is interrupted; if it ignores the
 * interrupt the pool grows by one thread so the rest of the catalog still finishes.
 */
public final class CatalogRunner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_THREADS = 4;

    private final Duration timeout;
    private final int threads;

    public CatalogRunner(Duration timeout, int threads) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.timeout = timeout;
        this.threads = threads;
    }

    public CatalogRunner() {
        this(DEFAULT_TIMEOUT, DEFAULT_THREADS);
    }

    /** Findings in the order the checks were given. */
    public List<Finding> run(List<Check> checks, HostContext context) {
        Objects.requireNonNull(context, "context");
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("diagnostics-check"));
        ScheduledExecutorService watchdog = new ScheduledThreadPoolExecutor(1, daemonThreads("diagnostics-watchdog"));
        try {
            List<CompletableFuture<Finding>> futures = new ArrayList<>();
            for (Check check : checks) {
                futures.add(submit(check, context, pool, watchdog));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
    }

    private CompletableFuture<Finding> submit(Check check, HostContext context, ThreadPoolExecutor pool,
                                              ScheduledExecutorService watchdog) {
        CompletableFuture<Finding> finding = new CompletableFuture<>();
        pool.execute(() -> {
            Thread worker = Thread.currentThread();
            long started = System.nanoTime();
            var timer = watchdog.schedule(() -> {
                if (finding.complete(Finding.of(check, CheckResult.error("timed out after " + timeout.toMillis() + " ms"), timeout))) {
                    worker.interrupt();
                    growPoolForStuckWorker(pool);
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            CheckResult result;
            try {
                result = Objects.requireNonNull(check.run(context), "check returned no result");
            } catch (Throwable t) { // a broken check is reported, whatever broke it
                result = CheckResult.error(describe(t));
            }
            timer.cancel(false);
            finding.complete(Finding.of(check, result, Duration.ofNanos(System.nanoTime() - started)));
            Thread.interrupted(); // do not carry a late watchdog interrupt into the next check
        });
        return finding;
    }

    private static void growPoolForStuckWorker(ThreadPoolExecutor pool) {
        synchronized (pool) {
            int size = pool.getMaximumPoolSize() + 1;
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
