package io.lodestar.warden.task;

import io.lodestar.protocol.v1.Task;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Which handler runs which kind of task: an explicit table, one entry per kind. */
public final class TaskHandlers {

    private final Map<Task.KindCase, TaskHandler> handlers;

    public TaskHandlers(Map<Task.KindCase, TaskHandler> handlers) {
        this.handlers = new EnumMap<>(Task.KindCase.class);
        this.handlers.putAll(handlers);
    }

    public Optional<TaskHandler> handlerFor(Task task) {
        return Optional.ofNullable(handlers.get(task.getKindCase()));
    }
}
