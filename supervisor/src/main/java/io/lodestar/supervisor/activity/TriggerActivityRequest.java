package io.lodestar.supervisor.activity;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;


/**
 * The optional body of a runtime action (seeds 000/001): {@code {}} targets every node of the deployment with the
 * default rollout options; each option may be given on its own (a count, percentage or duration arrives as a JSON
 * number or a string; the rollout package reads and checks them).
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
        @Schema(oneOf = {Long.class, String.class}, description = "Nodes per batch: a count (2) or a percentage of the targeted nodes (\"40%\"), at least 1"
                + " node. Default: 1 when rolling.", example = "1")
        Object maxConcurrency,
        @JsonProperty("max_errors")
        @Schema(oneOf = {Long.class, String.class}, description = "The rollout stops once more than this many nodes failed: a count or a percentage. Default: 0"
                + " when rolling.", example = "0")
        Object maxErrors,
        @JsonProperty("min_healthy_time")
        @Schema(oneOf = {Long.class, String.class}, description = "How long a node must stay healthy before the next batch: \"10s\", \"500ms\", \"2m\" or a"
                + " number of seconds. Default: the Supervisor's supervisor.rollout.min-healthy-time (5s).", example = "10s")
        Object minHealthyTime,
        @JsonProperty("quorum_wait")
        @Schema(oneOf = {Long.class, String.class}, description = "How long the quorum guard may hold the rollout before its remaining nodes end rejected"
                + " (quorum_guard). Default: supervisor.rollout.quorum-wait (5m).", example = "5m")
        Object quorumWait,
        @JsonProperty("quorum_guard")
        @Schema(description = "false runs the rollout without the quorum guard: its nodes are acted on however many nodes"
                + " are down (a cluster known to be down that must be restarted or reconfigured anyway). true is valid on"
                + " restart and reconfigure only; on start or stop it is refused with 400. Default: the guard applies to"
                + " restart and reconfigure.",
                example = "false")
        Boolean quorumGuard,
        @JsonProperty("delivery_timeout")
        @Schema(oneOf = {Long.class, String.class}, description = "How long a node's Warden has to accept its task before the activity ends rejected"
                + " (delivery_timeout). Default: supervisor.dispatch.deadline (5m).", example = "5m")
        Object deliveryTimeout,
        @JsonProperty("execution_timeout")
        @Schema(oneOf = {Long.class, String.class}, description = "How long a node's Warden may take over its action once it"
                + " accepted it; past it the Warden stops waiting, leaves the runtime as it is and the activity ends rejected"
                + " (execution_timeout). Default: supervisor.rollout.execution-timeout (10m).", example = "2m")
        Object executionTimeout,
        @JsonProperty("force")
        @Schema(description = "reconfigure only: apply a change the plan calls dangerous (cluster.name, system.path, "
                + "system.encryption.key, cluster.auth/cluster.tls, missing TLS files); without it such a change is refused with 409.")
        Boolean force) {

    /** Whether a dangerous reconfigure is applied anyway. */
    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    /** The nodes asked for; empty means all of them. */
    public Optional<List<Long>> targets() {
        return Optional.ofNullable(nodes);
    }
}
