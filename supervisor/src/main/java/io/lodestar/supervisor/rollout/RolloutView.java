package io.lodestar.supervisor.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** A rollout as the API shows it: its options as resolved, where it stands, and each batch with its nodes. */
public record RolloutView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("division_id") long divisionId,
        @JsonProperty("environment_id") long environmentId,
        @JsonProperty("deployment_id") long deploymentId,
        String runtime,
        String action,
        String job,
        String strategy,
        @JsonProperty("max_concurrency") int maxConcurrency,
        @JsonProperty("max_errors") int maxErrors,
        @JsonProperty("min_healthy_time") String minHealthyTime,
        @JsonProperty("quorum_wait") String quorumWait,
        @JsonProperty("delivery_timeout") String deliveryTimeout,
        @JsonProperty("execution_timeout") String executionTimeout,
        @JsonProperty("quorum_guard") boolean quorumGuard,
        @JsonProperty("created_by") long createdBy,
        String state,
        String message,
        int failures,
        @JsonProperty("current_batch") int currentBatch,
        @JsonProperty("batch_count") int batchCount,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("finished_at") String finishedAt,
        List<Batch> batches) {

    public record Batch(int batch, List<Node> nodes) {
    }

    public record Node(
            @JsonProperty("node_id") long nodeId,
            String state,
            String message,
            @JsonProperty("activity_ids") List<Long> activityIds,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("healthy_at") String healthyAt,
            @JsonProperty("finished_at") String finishedAt) {
    }

    public static RolloutView of(Rollout rollout) {
        Map<Integer, List<Node>> byBatch = new TreeMap<>();
        for (RolloutNode node : RolloutEngine.nodesOf(rollout.id)) {
            List<Long> activityIds = RolloutEngine.activitiesOf(rollout.id, node.nodeId).stream().map(a -> a.id).toList();
            byBatch.computeIfAbsent(node.batch, b -> new ArrayList<>()).add(new Node(node.nodeId, node.state.wireName(),
                    node.message, activityIds, Times.format(node.startedAt), Times.format(node.healthyAt),
                    Times.format(node.finishedAt)));
        }
        List<Batch> batches = byBatch.entrySet().stream().map(e -> new Batch(e.getKey(), e.getValue())).toList();
        return new RolloutView(rollout.id, rollout.tenantId, rollout.divisionId, rollout.environmentId, rollout.deploymentId,
                rollout.runtime, rollout.action, rollout.job, rollout.strategy.wireName(), rollout.maxConcurrency,
                rollout.maxErrors, Durations.format(Duration.ofMillis(rollout.minHealthyMs)),
                Durations.format(Duration.ofMillis(rollout.quorumWaitMs)),
                Durations.format(Duration.ofMillis(rollout.deliveryTimeoutMs)),
                rollout.executionTimeoutMs == null ? null : Durations.format(Duration.ofMillis(rollout.executionTimeoutMs)),
                rollout.quorumGuard, rollout.createdBy,
                rollout.state.wireName(), rollout.message, rollout.failures, Math.min(rollout.currentBatch, rollout.batches),
                rollout.batches, Times.format(rollout.createdAt), Times.format(rollout.updatedAt),
                Times.format(rollout.finishedAt), batches);
    }
}
