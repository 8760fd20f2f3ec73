package io.lodestar.warden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as a real file, reopened as a restarted Warden would. */
class FileTaskJournalTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("state/tasks.journal");
    }

    private FileTaskJournal open() {
        return FileTaskJournal.open(file(), 100);
    }

    private static Task restart(long taskId) {
        return Task.newBuilder().setTaskId(taskId).setRuntimeAction(RuntimeAction.newBuilder()
                .setRuntime(Runtime.RUNTIME_IGGY).setAction(RuntimeAction.Action.ACTION_RESTART)).build();
    }

    private static TaskUpdate succeeded(long taskId) {
        return TaskUpdate.newBuilder().setTaskId(taskId).setState(TaskState.TASK_STATE_SUCCEEDED)
                .setMessage("iggy restarted (pid 7)").setPid(7).build();
    }

    @Test
    void aFinishedTaskIsStillKnownAndStillUnacknowledgedAfterAReopen() {
        try (FileTaskJournal journal = open()) {
            assertThat(journal.accept(restart(1))).isTrue();
            journal.complete(succeeded(1));
        }
        try (FileTaskJournal journal = open()) {
            assertThat(journal.accept(restart(1))).as("a redelivery is recognised").isFalse();
            assertThat(journal.unacknowledged()).containsExactly(succeeded(1));
            assertThat(journal.interrupted()).isEmpty();
            journal.acknowledge(1, TaskState.TASK_STATE_SUCCEEDED);
        }
        try (FileTaskJournal journal = open()) {
            assertThat(journal.unacknowledged()).isEmpty();
            assertThat(journal.find(1).orElseThrow().state()).isEqualTo(LocalTaskState.ACKNOWLEDGED);
            assertThat(journal.find(1).orElseThrow().outcome()).contains(succeeded(1));
        }
    }

    @Test
    void aTaskLeftRunningIsReportedAsInterruptedWithWhatItAskedFor() {
        try (FileTaskJournal journal = open()) {
            journal.accept(restart(5));
            journal.accept(restart(6));
            journal.complete(succeeded(6));
        }
        try (FileTaskJournal journal = open()) {
            assertThat(journal.interrupted()).containsExactly(restart(5));
            assertThat(journal.find(5).orElseThrow().state()).isEqualTo(LocalTaskState.RUNNING);
            journal.complete(TaskUpdate.newBuilder().setTaskId(5).setState(TaskState.TASK_STATE_FAILED).setMessage("x").build());
        }
        try (FileTaskJournal journal = open()) {
            assertThat(journal.interrupted()).isEmpty();
        }
    }

    @Test
    void aTornLastLineIsIgnoredButDamageElsewhereStopsTheWarden() throws IOException {
        try (FileTaskJournal journal = open()) {
            journal.accept(restart(1));
            journal.complete(succeeded(1));
        }
        Files.writeString(file(), "D 2 AAAA", StandardOpenOption.APPEND);
        try (FileTaskJournal journal = open()) {
            assertThat(journal.unacknowledged()).containsExactly(succeeded(1));
            assertThat(journal.find(2)).isEmpty();
        }
        List<String> lines = Files.readAllLines(file());
        Files.writeString(file(), "garbage 1 x 0\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(this::open).isInstanceOf(JournalException.class)
                .hasMessageContaining("damaged at line 1").hasMessageContaining("move it aside");
    }

    @Test
    void finishingATaskTwiceIsRefusedAndNothingIsWritten() throws IOException {
        try (FileTaskJournal journal = open()) {
            journal.accept(restart(1));
            journal.complete(succeeded(1));
            long size = Files.size(file());
            assertThatThrownBy(() -> journal.complete(succeeded(1))).isInstanceOf(IllegalTaskTransitionException.class);
            assertThat(Files.size(file())).isEqualTo(size);
        }
    }

    @Test
    void theFileStaysBoundedAndKeepsTheNewestAcknowledgedIds() throws IOException {
        try (FileTaskJournal journal = FileTaskJournal.open(file(), 10)) {
            for (long id = 1; id <= 1_500; id++) {
                journal.accept(restart(id));
                journal.complete(succeeded(id));
                journal.acknowledge(id, TaskState.TASK_STATE_SUCCEEDED);
            }
            journal.accept(restart(1_501));
        }
        assertThat(Files.readAllLines(file()).size()).isLessThan(1_200);
        try (FileTaskJournal journal = FileTaskJournal.open(file(), 10)) {
            assertThat(journal.find(1)).isEmpty();
            assertThat(journal.find(1_500).orElseThrow().state()).isEqualTo(LocalTaskState.ACKNOWLEDGED);
            assertThat(journal.interrupted()).containsExactly(restart(1_501));
        }
    }
}
