package io.lodestar.warden.state;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the durable journal costs per task: an accept and a completion, each fsync'd, and an
 * acknowledgement, in a new folder below {@code -Ddir} (default: the temporary directory). Prints
 * figures, asserts nothing.
 */
public final class JournalBenchmark {

    public static void main(String[] args) throws IOException {
        int tasks = Integer.getInteger("tasks", 2_000);
        Path dir = System.getProperty("dir") != null ? Files.createTempDirectory(Path.of(System.getProperty("dir")), "journal-bench")
                : Files.createTempDirectory("journal-bench");
        long[] acceptNanos = new long[tasks];
        long[] completeNanos = new long[tasks];
        try (FileTaskJournal journal = FileTaskJournal.open(dir.resolve("tasks.journal"), 10_000)) {
            for (int i = 0; i < tasks; i++) {
                Task task = Task.newBuilder().setTaskId(i).setRuntimeAction(RuntimeAction.newBuilder()
                        .setRuntime(Runtime.RUNTIME_IGGY).setAction(RuntimeAction.Action.ACTION_RESTART)).build();
                long start = System.nanoTime();
                journal.accept(task);
                acceptNanos[i] = System.nanoTime() - start;
                start = System.nanoTime();
                journal.complete(TaskUpdate.newBuilder().setTaskId(i).setState(TaskState.TASK_STATE_SUCCEEDED)
                        .setMessage("iggy restarted (pid 4242)").setPid(4242).build());
                completeNanos[i] = System.nanoTime() - start;
                journal.acknowledge(i, TaskState.TASK_STATE_SUCCEEDED);
            }
        }
        System.out.printf("Task journal on %s, %d tasks (accept + complete + acknowledge, fsync per change)%n", dir, tasks);
        print("accept (fsync)", acceptNanos);
        print("complete (fsync)", completeNanos);
        System.out.printf("  file after compaction: %d bytes%n", Files.size(dir.resolve("tasks.journal")));
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-18s p50=%6.2f ms  p99=%6.2f ms  max=%6.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
