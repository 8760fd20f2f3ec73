package io.lodestar.supervisor.dispatch;

import io.lodestar.protocol.v1.Task.KindCase;

/** Fired inside the transaction that ends a task, for the feature its kind serves (the task has that feature's id). */
public record TaskFinished(long taskId, KindCase kind, TaskEnd end, String message) {

    public boolean succeeded() {
        return end == TaskEnd.SUCCEEDED;
    }
}
