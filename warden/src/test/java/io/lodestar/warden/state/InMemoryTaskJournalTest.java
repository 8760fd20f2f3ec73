package io.lodestar.warden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import org.junit.jupiter.api.Test;

class InMemoryTaskJournalTest {

    private final InMemoryTaskJournal journal = new InMemoryTaskJournal(2);

    private static TaskUpdate succeeded(long taskId) {
        return TaskUpdate.newBuilder().setTaskId(taskId).setState(TaskState.TASK_STATE_SUCCEEDED).setMessage("ok").build();
    }

    @Test
    void anAcceptedTaskIsKnownAndRunning() {
        assertThat(journal.accept(1)).isTrue();
        assertThat(journal.accept(1)).isFalse();

        assertThat(journal.find(1)).get().extracting(JournalEntry::state).isEqualTo(LocalTaskState.RUNNING);
        assertThat(journal.find(2)).isEmpty();
    }

    @Test
    void aCompletedTaskWaitsForItsAcknowledgement() {
        journal.accept(1);
        journal.complete(succeeded(1));

        assertThat(journal.unacknowledged()).containsExactly(succeeded(1));
        assertThat(journal.find(1).orElseThrow().outcome()).contains(succeeded(1));

        journal.acknowledge(1, TaskState.TASK_STATE_SUCCEEDED);

        assertThat(journal.unacknowledged()).isEmpty();
        assertThat(journal.find(1).orElseThrow().state()).isEqualTo(LocalTaskState.ACKNOWLEDGED);
        assertThat(journal.find(1).orElseThrow().outcome()).contains(succeeded(1));
    }

    @Test
    void acknowledgementsOfOtherStatesChangeNothing() {
        journal.complete(succeeded(1));

        journal.acknowledge(1, TaskState.TASK_STATE_ACCEPTED);
        journal.acknowledge(1, TaskState.TASK_STATE_FAILED);
        journal.acknowledge(9, TaskState.TASK_STATE_SUCCEEDED);

        assertThat(journal.unacknowledged()).containsExactly(succeeded(1));
    }

    @Test
    void aTaskCompletesOnlyOnce() {
        journal.complete(succeeded(1));

        assertThatThrownBy(() -> journal.complete(succeeded(1))).isInstanceOf(IllegalTaskTransitionException.class);
    }

    @Test
    void onlyTerminalUpdatesComplete() {
        TaskUpdate accepted = TaskUpdate.newBuilder().setTaskId(1).setState(TaskState.TASK_STATE_ACCEPTED).build();

        assertThatThrownBy(() -> journal.complete(accepted)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oldAcknowledgedEntriesAreDroppedFirstButUnacknowledgedOnesStay() {
        journal.complete(succeeded(1));
        for (long id = 2; id <= 5; id++) {
            journal.complete(succeeded(id));
            journal.acknowledge(id, TaskState.TASK_STATE_SUCCEEDED);
        }

        assertThat(journal.find(1)).isPresent();
        assertThat(journal.find(2)).isEmpty();
        assertThat(journal.find(3)).isEmpty();
        assertThat(journal.find(4)).isPresent();
        assertThat(journal.find(5)).isPresent();
        assertThat(journal.unacknowledged()).containsExactly(succeeded(1));
    }
}
