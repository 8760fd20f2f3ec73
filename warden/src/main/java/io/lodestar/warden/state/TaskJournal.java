package io.lodestar.warden.state;

import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import java.util.List;
import java.util.Optional;

/**
 * The node's record of the tasks it was given: what lets it recognise a redelivered task and
 * re-report outcomes the Supervisor has not acknowledged. Implementations are thread-safe; the
 * in-memory one forgets everything when the Warden stops, a file-backed one would not.
 */
public interface TaskJournal {

    /** What is known about the task, empty if it was never accepted here. */
    Optional<JournalEntry> find(long taskId);

    /** Records that the task was accepted; false (and no change) if it was already known. */
    boolean accept(long taskId);

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
