package io.lodestar.warden.task;

import io.lodestar.protocol.v1.Task;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which handler runs which kind of task: each handler is filed under the kind it declares. */
public final class TaskHandlers {

    private final Map<Task.KindCase, TaskHandler> handlers;

    /** @throws IllegalArgumentException when two handlers declare the same kind, or one declares none */
    public TaskHandlers(List<? extends TaskHandler> handlers) {
        Map<Task.KindCase, TaskHandler> byKind = new EnumMap<>(Task.KindCase.class);
        for (TaskHandler handler : handlers) {
            if (handler.kind() == Task.KindCase.KIND_NOT_SET) {
                throw new IllegalArgumentException(handler.getClass().getSimpleName() + " declares no kind of task");
            }
            TaskHandler other = byKind.putIfAbsent(handler.kind(), handler);
            if (other != null) {
                throw new IllegalArgumentException("both " + other.getClass().getSimpleName() + " and "
                        + handler.getClass().getSimpleName() + " take tasks of kind " + handler.kind());
            }
        }
        this.handlers = Collections.unmodifiableMap(byKind);
    }

    public Optional<TaskHandler> handlerFor(Task task) {
        return Optional.ofNullable(handlers.get(task.getKindCase()));
    }

    /** The outcome of a task a previous Warden was running when it died, as its kind's handler tells it. */
    public TaskOutcome interrupted(Task task) {
        return handlerFor(task).map(handler -> handler.interrupted(task))
                .orElseGet(() -> TaskOutcome.failed(TaskHandler.NOT_RUN_AGAIN));
    }
}
