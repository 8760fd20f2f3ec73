package io.lodestar.supervisor.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** A lifecycle event as the API shows it. */
public record DeploymentEventView(
        long id,
        @JsonProperty("event_type") String eventType,
        String status,
        String message,
        @JsonProperty("node_id") Long nodeId,
        @JsonProperty("author_id") Long authorId,
        @JsonProperty("created_at") String createdAt) {

    public static DeploymentEventView of(DeploymentEvent event) {
        return new DeploymentEventView(event.id, event.eventType.wireName(), event.status.wireName(), event.message,
                event.nodeId, event.authorId, Times.format(event.createdAt));
    }
}
