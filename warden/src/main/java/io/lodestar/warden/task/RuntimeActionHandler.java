package io.lodestar.warden.task;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import java.util.Locale;
import java.util.Optional;

/** Starts, stops, restarts or reconfigures a runtime through its driver. */
public final class RuntimeActionHandler implements TaskHandler {

    private final DriverRegistry drivers;
    private final Reconfiguration reconfiguration;

    public RuntimeActionHandler(DriverRegistry drivers, Reconfiguration reconfiguration) {
        this.drivers = drivers;
        this.reconfiguration = reconfiguration;
    }

    @Override
    public Task.KindCase kind() {
        return Task.KindCase.RUNTIME_ACTION;
    }

    @Override
    public String lane(Task task) {
        return "runtime-" + RuntimeName.fromProto(task.getRuntimeAction().getRuntime())
                .map(RuntimeName::wireName).orElse("unknown");
    }

    @Override
    public String describe(Task task) {
        return task.getRuntimeAction().getAction() + " " + task.getRuntimeAction().getRuntime();
    }

    @Override
    public TaskOutcome run(Task task, RuntimeProgress progress) {
        return run(task, progress, ActionDeadline.NONE);
    }

    @Override
    public TaskOutcome run(Task task, RuntimeProgress progress, ActionDeadline deadline) {
        RuntimeAction action = task.getRuntimeAction();
        Optional<RuntimeName> runtime = RuntimeName.fromProto(action.getRuntime());
        if (runtime.isEmpty()) {
            return TaskOutcome.failed("unknown runtime " + action.getRuntimeValue());
        }
        Optional<RuntimeDriver> driver = drivers.driver(runtime.get());
        if (driver.isEmpty()) {
            return TaskOutcome.failed(runtime.get().wireName() + " is not enabled on this node (warden.runtimes."
                    + runtime.get().wireName() + ".enabled=false)");
        }
        return switch (action.getAction()) {
            case ACTION_START -> outcome(driver.get().start(progress, deadline));
            case ACTION_STOP -> outcome(driver.get().stop());
            case ACTION_RESTART -> outcome(driver.get().restart(progress, deadline));
            case ACTION_RECONFIGURE -> reconfiguration.apply(runtime.get(), driver.get(), action, progress, deadline);
            case ACTION_UNSPECIFIED, UNRECOGNIZED ->
                    TaskOutcome.failed("unknown action " + action.getActionValue() + " for " + runtime.get().wireName());
        };
    }

    /** Says what the runtime is doing now, read from its driver, so the operator can decide whether to act again. */
    @Override
    public TaskOutcome interrupted(Task task) {
        RuntimeAction action = task.getRuntimeAction();
        Optional<RuntimeName> runtime = RuntimeName.fromProto(action.getRuntime());
        String name = runtime.map(RuntimeName::wireName).orElse("the runtime");
        String what = "the " + action.getAction().name().substring("ACTION_".length()).toLowerCase(Locale.ROOT)
                + " of " + name;
        Optional<RuntimeDriver> driver = runtime.flatMap(drivers::driver);
        String now;
        long pid = 0;
        if (driver.isEmpty()) {
            now = name + " is not enabled on this node any more";
        } else {
            DriverStatus status = driver.get().status();
            pid = status.pid();
            now = status.running() ? name + " is now running (pid " + status.pid() + ")" : name + " is now stopped";
        }
        return new TaskOutcome(false, "the Warden restarted during " + what + " and did not run it again; " + now, pid);
    }

    private static TaskOutcome outcome(ActionResult result) {
        return new TaskOutcome(result.succeeded(), result.message(), result.pid(), result.timedOut());
    }
}
