package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverRegistry;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeActionHandlerTest {

    private final List<String> calls = new ArrayList<>();
    private final RuntimeDriver iggy = new RuntimeDriver() {
        @Override
        public String name() {
            return "iggy";
        }

        @Override
        public ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
            calls.add("start");
            progress.running("iggy process up (pid 9)", 9);
            return ActionResult.succeeded("iggy started (pid 9)", 9);
        }

        @Override
        public ActionResult stop() {
            calls.add("stop");
            return ActionResult.succeeded("iggy stopped (pid 9)", 0);
        }

        @Override
        public ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
            calls.add("restart");
            return ActionResult.failed("iggy exited with code 1 during start");
        }

        @Override
        public DriverStatus status() {
            return DriverStatus.STOPPED;
        }
    };
    private final RuntimeActionHandler handler =
            new RuntimeActionHandler(new DriverRegistry(Map.of(RuntimeName.IGGY, iggy)), new Reconfiguration(Map.of()));

    private static Task task(Runtime runtime, RuntimeAction.Action action) {
        return Task.newBuilder().setTaskId(1)
                .setRuntimeAction(RuntimeAction.newBuilder().setRuntime(runtime).setAction(action))
                .build();
    }

    private final List<String> reports = new ArrayList<>();
    private final RuntimeProgress progress = (message, pid) -> reports.add(pid + ": " + message);

    private TaskOutcome run(Task task) {
        return handler.run(task, progress);
    }

    @Test
    void actionsGoToTheRuntimesDriver() {
        assertThat(run(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_START)))
                .isEqualTo(TaskOutcome.succeeded("iggy started (pid 9)", 9));
        assertThat(run(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_STOP)).succeeded()).isTrue();
        assertThat(run(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_RESTART)))
                .isEqualTo(TaskOutcome.failed("iggy exited with code 1 during start"));
        assertThat(calls).containsExactly("start", "stop", "restart");
    }

    @Test
    void theDriversProgressReachesTheTasksProgress() {
        run(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_START));

        assertThat(reports).containsExactly("9: iggy process up (pid 9)");
    }

    @Test
    void itTakesRuntimeActionsAndDescribesThemForTheLog() {
        assertThat(handler.kind()).isEqualTo(Task.KindCase.RUNTIME_ACTION);
        assertThat(handler.describe(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_RESTART)))
                .isEqualTo("ACTION_RESTART RUNTIME_IGGY");
    }

    @Test
    void reconfigureWithoutAConfigPathChangesNothing() {
        TaskOutcome outcome = run(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_RECONFIGURE));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("set warden.runtimes.iggy.config-path").endsWith("nothing was changed");
        assertThat(calls).isEmpty();
    }

    @Test
    void aDisabledRuntimeFails() {
        TaskOutcome outcome = run(task(Runtime.RUNTIME_CONNECTORS, RuntimeAction.Action.ACTION_START));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).isEqualTo(
                "connectors is not enabled on this node (warden.runtimes.connectors.enabled=false)");
    }

    @Test
    void eachRuntimeHasItsOwnLane() {
        assertThat(handler.lane(task(Runtime.RUNTIME_IGGY, RuntimeAction.Action.ACTION_START))).isEqualTo("runtime-iggy");
        assertThat(handler.lane(task(Runtime.RUNTIME_CONNECTORS, RuntimeAction.Action.ACTION_STOP)))
                .isEqualTo("runtime-connectors");
    }
}
