package io.lodestar.supervisor.dispatch;

import io.lodestar.protocol.v1.OperationKill;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.SnapshotRequest;
import io.lodestar.supervisor.common.ActionSpec;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.Runtimes;

/** Turns task rows into link messages. */
final class TaskMessages {

    static final String RUNTIME_ACTION = "runtime_action";
    static final String SNAPSHOT = "snapshot";
    static final String OPERATION_KILL = "operation_kill";

    private TaskMessages() {
    }

    static io.lodestar.protocol.v1.Task toProto(Task task) {
        if (SNAPSHOT.equals(task.kind)) {
            return io.lodestar.protocol.v1.Task.newBuilder().setTaskId(task.id).setDeadlineMs(task.deadlineAt.toEpochMilli())
                    .setSnapshot(TaskPayloads.decode(task.payload, SnapshotRequest.parser())).build();
        }
        if (OPERATION_KILL.equals(task.kind)) {
            return io.lodestar.protocol.v1.Task.newBuilder().setTaskId(task.id).setDeadlineMs(task.deadlineAt.toEpochMilli())
                    .setOperationKill(OperationKill.newBuilder().setTargetTaskId(task.targetTaskId)
                            .setRuntime(Runtimes.parse(task.runtime).proto()))
                    .build();
        }
        RuntimeAction.Builder action = RuntimeAction.newBuilder()
                .setRuntime(Runtimes.parse(task.runtime).proto())
                .setAction(ActionSpec.Kind.valueOf(task.action).proto());
        if (task.configId != null) {
            action.setConfigId(task.configId);
            RuntimeConfigs.attach(action, task.configId);
        }
        return io.lodestar.protocol.v1.Task.newBuilder()
                .setTaskId(task.id)
                .setDeadlineMs(task.deadlineAt.toEpochMilli())
                .setRuntimeAction(action)
                .build();
    }
}
