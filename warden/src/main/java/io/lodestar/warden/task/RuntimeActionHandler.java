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
import java.util.OptionalInt;

/** Starts, stops, restarts or reconfigures a runtime through its driver. */
public final class RuntimeActionHandler implements TaskHandler {

    private final DriverRegistry drivers;
    private final Reconfiguration reconfiguration;
    private final Optional<ClusterReplica> clusterReplica;

    /** A node whose Iggy server is never a cluster replica: an action that carries a replica id fails. */
    public RuntimeActionHandler(DriverRegistry drivers, Reconfiguration reconfiguration) {
        this(drivers, reconfiguration, Optional.empty());
    }

    public RuntimeActionHandler(DriverRegistry drivers, Reconfiguration reconfiguration, Optional<ClusterReplica> clusterReplica) {
        this.drivers = drivers;
        this.reconfiguration = reconfiguration;
        this.clusterReplica = clusterReplica;
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
        RuntimeDriver acting = driver.get();
        if (runtime.get() == RuntimeName.IGGY && action.getAction() != RuntimeAction.Action.ACTION_STOP) {
            OptionalInt replicaId = action.hasReplicaId() ? OptionalInt.of(action.getReplicaId()) : OptionalInt.empty();
            Optional<String> refused = recordReplica(replicaId);
            if (refused.isPresent()) {
                return TaskOutcome.failed(refused.get());
            }
            acting = clusterReplica.map(c -> c.gate(driver.get(), replicaId)).orElse(driver.get());
        }
        return switch (action.getAction()) {
            case ACTION_START -> outcome(acting.start(progress, deadline));
            case ACTION_STOP -> outcome(acting.stop());
            case ACTION_RESTART -> outcome(acting.restart(progress, deadline));
            case ACTION_RECONFIGURE -> reconfiguration.apply(runtime.get(), acting, action, progress, deadline);
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

    /** Writes (or clears) the replica id the server's next start passes; the reason when that cannot be done. */
    private Optional<String> recordReplica(OptionalInt replicaId) {
        if (clusterReplica.isEmpty()) {
            return replicaId.isPresent()
                    ? Optional.of("this node cannot run iggy as cluster replica " + replicaId.getAsInt() + ": its Warden keeps "
                            + "no replica file; nothing was changed")
                    : Optional.empty();
        }
        try {
            clusterReplica.get().record(replicaId);
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.of("could not record replica id " + replicaId + " for iggy: " + e.getMessage() + "; nothing was changed");
        }
    }

    private static TaskOutcome outcome(ActionResult result) {
        return new TaskOutcome(result.succeeded(), result.message(), result.pid(), result.timedOut());
    }
}
