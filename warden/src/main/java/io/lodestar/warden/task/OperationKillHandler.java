package io.lodestar.warden.task;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.OperationKill;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.state.JournalEntry;
import io.lodestar.warden.state.TaskJournal;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SIGKILLs the runtime process an operation's task is running as (a runtime stuck starting). It kills
 * only while that task still runs here: once the task has ended, the process belongs to nobody's
 * operation and is left alone. Runs in its own lane, because the runtime's lane is busy with the task.
 */
public final class OperationKillHandler implements TaskHandler {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final DriverRegistry drivers;
    private final TaskJournal journal;

    public OperationKillHandler(DriverRegistry drivers, TaskJournal journal) {
        this.drivers = drivers;
        this.journal = journal;
    }

    @Override
    public Task.KindCase kind() {
        return Task.KindCase.OPERATION_KILL;
    }

    @Override
    public String lane(Task task) {
        return "operation-kill";
    }

    @Override
    public TaskOutcome run(Task task, RuntimeProgress progress) {
        OperationKill kill = task.getOperationKill();
        Optional<JournalEntry> target = journal.find(kill.getTargetTaskId());
        if (target.isEmpty() || target.get().outcome().isPresent()) {
            return TaskOutcome.failed("task " + kill.getTargetTaskId() + " is not running on this node; nothing was killed");
        }
        Optional<RuntimeDriver> driver = RuntimeName.fromProto(kill.getRuntime()).flatMap(drivers::driver);
        if (driver.isEmpty()) {
            return TaskOutcome.failed("runtime " + kill.getRuntime() + " is not managed on this node; nothing was killed");
        }
        DriverStatus status = driver.get().status();
        Optional<ProcessHandle> process = status.running() ? ProcessHandle.of(status.pid()) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            return TaskOutcome.failed(driver.get().name() + " has no process running yet; nothing was killed");
        }
        long pid = process.get().pid();
        Log.warnf("operation kill: sending SIGKILL to %s (pid %d) of task %d", driver.get().name(), pid, kill.getTargetTaskId());
        process.get().destroyForcibly();
        if (!exited(process.get())) {
            return new TaskOutcome(false, "SIGKILL sent to " + driver.get().name() + " (pid " + pid
                    + ") but it still runs after " + EXIT_WAIT.toSeconds() + "s", pid);
        }
        return TaskOutcome.succeeded("SIGKILL sent to " + driver.get().name() + " (pid " + pid + "); it exited", pid);
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException | TimeoutException e) {
            return !process.isAlive();
        }
    }
}
