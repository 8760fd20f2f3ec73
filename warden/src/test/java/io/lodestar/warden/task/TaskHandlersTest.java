package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.protocol.v1.OperationKill;
import io.lodestar.protocol.v1.SnapshotRequest;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.RuntimeProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskHandlersTest {

    /** A handler of whatever kind it is told, which says who it is when run. */
    private record Named(String name, Task.KindCase kind) implements TaskHandler {

        @Override
        public String lane(Task task) {
            return name;
        }

        @Override
        public TaskOutcome run(Task task, RuntimeProgress progress) {
            return TaskOutcome.succeeded(name, 0);
        }
    }

    private static final Task SNAPSHOT = Task.newBuilder().setTaskId(1).setSnapshot(SnapshotRequest.getDefaultInstance()).build();
    private static final Task KILL = Task.newBuilder().setTaskId(2).setOperationKill(OperationKill.getDefaultInstance()).build();

    @Test
    void aTaskGoesToTheHandlerThatDeclaresItsKind() {
        TaskHandlers handlers = new TaskHandlers(List.of(new Named("snapshots", Task.KindCase.SNAPSHOT),
                new Named("kills", Task.KindCase.OPERATION_KILL)));

        assertThat(handlers.handlerFor(SNAPSHOT)).map(handler -> handler.run(SNAPSHOT, RuntimeProgress.NONE).message())
                .hasValue("snapshots");
        assertThat(handlers.handlerFor(KILL)).map(handler -> handler.lane(KILL)).hasValue("kills");
    }

    @Test
    void aKindNoHandlerDeclaresHasNone() {
        TaskHandlers handlers = new TaskHandlers(List.of(new Named("snapshots", Task.KindCase.SNAPSHOT)));

        assertThat(handlers.handlerFor(KILL)).isEmpty();
        assertThat(handlers.handlerFor(Task.newBuilder().setTaskId(3).build())).isEmpty();
        assertThat(handlers.interrupted(KILL)).isEqualTo(TaskOutcome.failed(TaskHandler.NOT_RUN_AGAIN));
    }

    @Test
    void twoHandlersOfOneKindAreRejected() {
        assertThatThrownBy(() -> new TaskHandlers(List.of(new Named("a", Task.KindCase.SNAPSHOT),
                new Named("b", Task.KindCase.SNAPSHOT))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("both Named and Named take tasks of kind SNAPSHOT");
    }

    @Test
    void aHandlerWithoutAKindIsRejected() {
        assertThatThrownBy(() -> new TaskHandlers(List.of(new Named("a", Task.KindCase.KIND_NOT_SET))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Named declares no kind of task");
    }
}
