package io.lodestar.warden.link;

import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A driver that counts its actions; a start can be held until the test releases it. */
final class CountingDriver implements RuntimeDriver {

    static final long PID = 4242;

    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean running;
    /** When set, a start reports its process up as a real driver does, before it finishes. */
    volatile boolean reportsRunning;

    void holdStarts() {
        gate = new CountDownLatch(1);
    }

    void releaseStarts() {
        gate.countDown();
    }

    @Override
    public String name() {
        return "iggy";
    }

    @Override
    public ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
        starts.incrementAndGet();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                return ActionResult.failed("held too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.failed("interrupted");
        }
        running = true;
        if (reportsRunning) {
            progress.running("iggy process up (pid " + PID + ")", PID);
        }
        return ActionResult.succeeded("iggy started (pid " + PID + ")", PID);
    }

    @Override
    public ActionResult stop() {
        stops.incrementAndGet();
        running = false;
        return ActionResult.succeeded("iggy stopped", 0);
    }

    @Override
    public ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
        stop();
        return start(progress, deadline);
    }

    @Override
    public DriverStatus status() {
        return running ? DriverStatus.running(PID) : DriverStatus.STOPPED;
    }
}
