package io.lodestar.supervisor.operation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One assertion per allowed or refused transition of an operation. */
class OperationStatusTest {

    @Test
    void pendingToRunning() {
        assertThat(OperationStatus.PENDING.canTransitionTo(OperationStatus.RUNNING)).isTrue();
    }

    @Test
    void pendingToDoneAndToError() {
        assertThat(OperationStatus.PENDING.canTransitionTo(OperationStatus.DONE)).isTrue();
        assertThat(OperationStatus.PENDING.canTransitionTo(OperationStatus.ERROR)).isTrue();
    }

    @Test
    void runningToDoneAndToError() {
        assertThat(OperationStatus.RUNNING.canTransitionTo(OperationStatus.DONE)).isTrue();
        assertThat(OperationStatus.RUNNING.canTransitionTo(OperationStatus.ERROR)).isTrue();
    }

    @Test
    void runningToPendingIsRefused() {
        assertThat(OperationStatus.RUNNING.canTransitionTo(OperationStatus.PENDING)).isFalse();
    }

    @Test
    void finishedOperationsNeverChangeAgain() {
        for (OperationStatus next : OperationStatus.values()) {
            assertThat(OperationStatus.DONE.canTransitionTo(next)).isFalse();
            assertThat(OperationStatus.ERROR.canTransitionTo(next)).isFalse();
        }
        assertThat(OperationStatus.DONE.isTerminal()).isTrue();
        assertThat(OperationStatus.ERROR.isTerminal()).isTrue();
    }
}
