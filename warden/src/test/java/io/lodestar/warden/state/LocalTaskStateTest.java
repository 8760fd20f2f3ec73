package io.lodestar.warden.state;

import static io.lodestar.warden.state.LocalTaskState.ACKNOWLEDGED;
import static io.lodestar.warden.state.LocalTaskState.DONE;
import static io.lodestar.warden.state.LocalTaskState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalTaskStateTest {

    @Test
    void runningToDone() {
        assertThat(RUNNING.canTransitionTo(DONE)).isTrue();
    }

    @Test
    void doneToAcknowledged() {
        assertThat(DONE.canTransitionTo(ACKNOWLEDGED)).isTrue();
    }

    @Test
    void runningToAcknowledgedIsIllegal() {
        assertThat(RUNNING.canTransitionTo(ACKNOWLEDGED)).isFalse();
    }

    @Test
    void doneToRunningIsIllegal() {
        assertThat(DONE.canTransitionTo(RUNNING)).isFalse();
        assertThat(DONE.canTransitionTo(DONE)).isFalse();
    }

    @Test
    void acknowledgedIsFinal() {
        for (LocalTaskState next : LocalTaskState.values()) {
            assertThat(ACKNOWLEDGED.canTransitionTo(next)).as("ACKNOWLEDGED to " + next).isFalse();
        }
    }
}
