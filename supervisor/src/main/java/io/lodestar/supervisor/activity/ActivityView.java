package io.lodestar.supervisor.activity;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** An activity as seed 000 shows it, plus {@code message}, {@code reason} and {@code rollout_id}. */
public record ActivityView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        @JsonProperty("deployment_id") long deploymentId,
        @JsonProperty("author_id") long authorId,
        String runtime,
        String action,
        @JsonProperty("node_id") long nodeId,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("finished_at") String finishedAt,
        String message,
        String reason,
        @JsonProperty("rollout_id") Long rolloutId) {

    public static ActivityView of(Activity activity) {
        return new ActivityView(activity.id, activity.tenantId, activity.divisionId, activity.environmentId,
                activity.deploymentId, activity.authorId, activity.runtime, activity.action, activity.nodeId,
                activity.status.wireName(), Times.format(activity.createdAt), Times.format(activity.finishedAt),
                activity.message, activity.reason == null ? null : activity.reason.wireName(), activity.rolloutId);
    }
}
