package io.lodestar.warden.task;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.RuntimeDriver;
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
    public String lane(Task task) {
        return "runtime-" + RuntimeName.fromProto(task.getRuntimeAction().getRuntime())
                .map(RuntimeName::wireName).orElse("unknown");
    }

    @Override
    public TaskOutcome run(Task task) {
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
            case ACTION_START -> outcome(driver.get().start());
            case ACTION_STOP -> outcome(driver.get().stop());
            case ACTION_RESTART -> outcome(driver.get().restart());
            case ACTION_RECONFIGURE -> reconfiguration.apply(runtime.get(), driver.get(), action);
            case ACTION_UNSPECIFIED, UNRECOGNIZED ->
                    TaskOutcome.failed("unknown action " + action.getActionValue() + " for " + runtime.get().wireName());
        };
    }

    private static TaskOutcome outcome(ActionResult result) {
        return new TaskOutcome(result.succeeded(), result.message(), result.pid());
    }
}
