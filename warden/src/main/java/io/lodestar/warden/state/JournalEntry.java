package io.lodestar.warden.state;

import io.lodestar.protocol.v1.TaskUpdate;
import java.util.Optional;

/**
 * What the journal knows about one task.
 *
 * @param outcome the terminal update, present once the task is finished
 */
public record JournalEntry(long taskId, LocalTaskState state, Optional<TaskUpdate> outcome) {
}
