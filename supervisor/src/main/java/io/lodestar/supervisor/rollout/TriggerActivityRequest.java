package io.lodestar.supervisor.rollout;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional body of a runtime action (seeds 000/001): {@code {}} targets every node of the deployment with the
 * default rollout options; each option may be given on its own.
 */
@Schema(description = "Omit the body or send {} to target every node of the deployment with the default rollout options.")
public record TriggerActivityRequest(
        @JsonProperty("nodes")
        @Schema(description = "The node ids to target; ids may be strings of digits.", example = "[610809900976570889]")
        List<@NotNull(message = "must be an integer id, such as 610809900976570889, not null") Long> nodes,
        @JsonProperty("strategy")
        @Schema(description = "rolling (batches gated on health) or parallel (every node at once). Default: rolling for"
                + " restart and reconfigure on more than one node, parallel otherwise.", example = "rolling")
        String strategy,
        @JsonProperty("max_concurrency")
        @Schema(description = "Nodes per batch: a count (2) or a percentage of the targeted nodes (\"40%\"), at least 1"
                + " node. Default: 1 when rolling.", example = "1")
        String maxConcurrency,
        @JsonProperty("max_errors")
        @Schema(description = "The rollout stops once more than this many nodes failed: a count or a percentage. Default: 0"
                + " when rolling.", example = "0")
        String maxErrors,
        @JsonProperty("min_healthy_time")
        @Schema(description = "How long a node must stay healthy before the next batch: \"10s\", \"500ms\", \"2m\" or a"
                + " number of seconds. Default: the Supervisor's supervisor.rollout.min-healthy-time (5s).", example = "10s")
        String minHealthyTime,
        @JsonProperty("quorum_wait")
        @Schema(description = "How long the quorum guard may hold the rollout before its remaining nodes end rejected"
                + " (quorum_guard). Default: supervisor.rollout.quorum-wait (5m).", example = "5m")
        String quorumWait,
        @JsonProperty("delivery_timeout")
        @Schema(description = "How long a node's Warden has to accept its task before the activity ends rejected"
                + " (delivery_timeout). Default: supervisor.dispatch.deadline (5m).", example = "5m")
        String deliveryTimeout) {

    /** The nodes asked for; empty means all of them. */
    public Optional<List<Long>> targets() {
        return Optional.ofNullable(nodes);
    }

    /** The rollout options as sent, none of them checked yet. */
    public RolloutOptions options() {
        return new RolloutOptions(strategy, maxConcurrency, maxErrors, minHealthyTime, quorumWait, deliveryTimeout);
    }
}
