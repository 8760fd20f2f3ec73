package io.lodestar.warden.task;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.MDC;

/**
 * One single-thread executor per lane: work in a lane runs one at a time, in submission order;
 * lanes run in parallel. The submitter's MDC (node and task ids) travels with the work.
 */
public final class TaskLanes implements AutoCloseable {

    private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public void submit(String lane, Runnable work) {
        if (closed) {
            throw new IllegalStateException("task lanes are closed");
        }
        Map<String, Object> context = MDC.getMap();
        lanes.computeIfAbsent(lane, TaskLanes::newLane).execute(() -> {
            context.forEach(MDC::put);
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "task work in lane %s failed", lane);
            } finally {
                MDC.clear();
            }
        });
    }

    private static ExecutorService newLane(String lane) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "warden-" + lane);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts running work (a driver then reports that the Warden stopped) and waits a little. */
    public void close(Duration wait) {
        closed = true;
        List<ExecutorService> executors = new ArrayList<>(lanes.values());
        executors.forEach(ExecutorService::shutdownNow);
        for (ExecutorService executor : executors) {
            try {
                executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
