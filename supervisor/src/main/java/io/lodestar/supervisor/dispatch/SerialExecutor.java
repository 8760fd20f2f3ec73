package io.lodestar.supervisor.dispatch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Runs tasks one at a time, in submission order, on a shared pool: one per Warden session keeps its messages in order. */
public final class SerialExecutor implements Executor {

    private final Queue<Runnable> queue = new ArrayDeque<>();
    private final Executor pool;
    private Runnable active;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = queue.poll();
        if (active != null) {
            pool.execute(active);
        }
    }
}
