package io.lodestar.supervisor.fleet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulated fleet saw, counted across all its Wardens; task receipt times for latency figures. */
final class FleetStats {

    final AtomicLong welcomes = new AtomicLong();
    final AtomicLong streamsEnded = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();
    final AtomicLong tasksReceived = new AtomicLong();
    final AtomicLong tasksSucceeded = new AtomicLong();
    final AtomicLong tasksFailed = new AtomicLong();
    /** First receipt of each task, System.nanoTime(). */
    final Map<Long, Long> receivedAt = new ConcurrentHashMap<>();

    void welcomed() {
        welcomes.incrementAndGet();
    }

    void streamEnded() {
        streamsEnded.incrementAndGet();
    }

    void heartbeat() {
        heartbeats.incrementAndGet();
    }

    void taskReceived(long taskId) {
        tasksReceived.incrementAndGet();
        receivedAt.putIfAbsent(taskId, System.nanoTime());
    }

    void taskFinished(boolean failed) {
        (failed ? tasksFailed : tasksSucceeded).incrementAndGet();
    }

    /** Streams currently welcomed. */
    long connected() {
        return welcomes.get() - streamsEnded.get();
    }

    String summary() {
        return String.format("welcomed streams %d (ended %d, open %d), heartbeats sent %d, tasks received %d"
                + " (distinct %d), succeeded %d, failed %d", welcomes.get(), streamsEnded.get(), connected(), heartbeats.get(),
                tasksReceived.get(), receivedAt.size(), tasksSucceeded.get(), tasksFailed.get());
    }
}
