package io.lodestar.supervisor.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.deployment.DeploymentEventType;

class EventTypeTest {

    /** A lifecycle event type without a stream type would fail (and roll back) the transaction that records it. */
    @Test
    void everyDeploymentEventTypeHasAStreamType() {
        for (DeploymentEventType type : DeploymentEventType.values()) {
            assertThat(EventType.of(type).wireName()).isEqualTo("deployment." + type.wireName());
        }
    }
}
