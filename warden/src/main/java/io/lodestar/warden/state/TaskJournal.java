package io.lodestar.warden.state;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import java.util.List;
import java.util.Optional;

/**
 * The node's record of the tasks it was given: what lets it recognise a redelivered task and
 * re-report outcomes the Supervisor has not acknowledged. Implementations are thread-safe; the
 * in-memory one forgets everything when the Warden stops, {@link FileTaskJournal} does not.
 */
public interface TaskJournal {

    /** What is known about the task, empty if it was never accepted here. */
    Optional<JournalEntry> find(long taskId);

    /** Records that the task was accepted; false (and no change) if it was already known. */
    boolean accept(long taskId);

    /**
     * Records that the task was accepted, with what it asks for, so that a journal that outlives
     * the Warden can tell what was interrupted; false (and no change) if it was already known.
     */
    default boolean accept(Task task) {
        return accept(task.getTaskId());
    }

    /** Tasks found still running when the journal was opened: the Warden stopped in the middle of them. */
    default List<Task> interrupted() {
        return List.of();
    }

    /**
     * Records the task's terminal update (SUCCEEDED or FAILED), which stays unacknowledged until
     * {@link #acknowledge}. A task unknown to the journal is accepted on the way.
     */
    void complete(TaskUpdate outcome);

    /**
     * Records the Supervisor's acknowledgement of an update. Acknowledgements of non-terminal
     * states, of unknown tasks or of another state than the recorded outcome change nothing.
     */
    void acknowledge(long taskId, TaskState state);

    /** Terminal updates not acknowledged yet, oldest first. */
    List<TaskUpdate> unacknowledged();
}
