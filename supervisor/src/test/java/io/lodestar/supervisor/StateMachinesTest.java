package io.lodestar.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.dispatch.TaskState;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.snapshot.SnapshotStatus;

/** One assertion per allowed or refused transition of each state machine. */
class StateMachinesTest {

    @Test
    void processingToCompleted() {
        assertThat(ActivityStatus.PROCESSING.canTransitionTo(ActivityStatus.COMPLETED)).isTrue();
    }

    @Test
    void processingToRejected() {
        assertThat(ActivityStatus.PROCESSING.canTransitionTo(ActivityStatus.REJECTED)).isTrue();
    }

    @Test
    void finishedActivitiesNeverChangeAgain() {
        for (ActivityStatus next : ActivityStatus.values()) {
            assertThat(ActivityStatus.COMPLETED.canTransitionTo(next)).isFalse();
            assertThat(ActivityStatus.REJECTED.canTransitionTo(next)).isFalse();
        }
    }

    @Test
    void pendingToAcceptedToSucceeded() {
        assertThat(TaskState.PENDING.canTransitionTo(TaskState.ACCEPTED)).isTrue();
        assertThat(TaskState.ACCEPTED.canTransitionTo(TaskState.SUCCEEDED)).isTrue();
    }

    @Test
    void pendingToExpiredAndAcceptedToExpired() {
        assertThat(TaskState.PENDING.canTransitionTo(TaskState.EXPIRED)).isTrue();
        assertThat(TaskState.ACCEPTED.canTransitionTo(TaskState.EXPIRED)).isTrue();
    }

    @Test
    void acceptedToPendingIsRefused() {
        assertThat(TaskState.ACCEPTED.canTransitionTo(TaskState.PENDING)).isFalse();
    }

    @Test
    void expiredToSucceededIsRefused() {
        assertThat(TaskState.EXPIRED.canTransitionTo(TaskState.SUCCEEDED)).isFalse();
        assertThat(TaskState.EXPIRED.isTerminal()).isTrue();
    }

    @Test
    void deployingToReadyAndToFailed() {
        assertThat(DeploymentStatus.DEPLOYING.canTransitionTo(DeploymentStatus.READY)).isTrue();
        assertThat(DeploymentStatus.DEPLOYING.canTransitionTo(DeploymentStatus.FAILED)).isTrue();
    }

    @Test
    void killedIsTerminal() {
        for (DeploymentStatus next : DeploymentStatus.values()) {
            assertThat(DeploymentStatus.KILLED.canTransitionTo(next)).isFalse();
        }
    }

    @Test
    void stoppedToReadyIsRefused() {
        assertThat(DeploymentStatus.STOPPED.canTransitionTo(DeploymentStatus.READY)).isFalse();
    }

    @Test
    void processingToCompletedAndToFailed() {
        assertThat(SnapshotStatus.PROCESSING.canTransitionTo(SnapshotStatus.COMPLETED)).isTrue();
        assertThat(SnapshotStatus.PROCESSING.canTransitionTo(SnapshotStatus.FAILED)).isTrue();
    }

    @Test
    void finishedSnapshotItemsNeverChangeAgain() {
        for (SnapshotStatus next : SnapshotStatus.values()) {
            assertThat(SnapshotStatus.COMPLETED.canTransitionTo(next)).isFalse();
            assertThat(SnapshotStatus.FAILED.canTransitionTo(next)).isFalse();
        }
    }
}
