package io.lodestar.supervisor.rollout;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.DomainException;

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
        @JsonProperty("delivery_timeout")
        @Schema(oneOf = {Long.class, String.class}, description = "How long a node's Warden has to accept its task before the activity ends rejected"
                + " (delivery_timeout). Default: supervisor.dispatch.deadline (5m).", example = "5m")
        Object deliveryTimeout) {

    /** The nodes asked for; empty means all of them. */
    public Optional<List<Long>> targets() {
        return Optional.ofNullable(nodes);
    }

    /** The rollout options as sent, none of them checked yet. */
    public RolloutOptions options() {
        return new RolloutOptions(strategy, text(maxConcurrency, "max_concurrency"), text(maxErrors, "max_errors"),
                text(minHealthyTime, "min_healthy_time"), text(quorumWait, "quorum_wait"),
                text(deliveryTimeout, "delivery_timeout"));
    }

    /** A count, a percentage or a duration arrives as a JSON number or a string; anything else is refused here. */
    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
                || value instanceof Double || value instanceof java.math.BigDecimal) {
            return value.toString();
        }
        throw new DomainException.Invalid(field + " must be a number or a string such as \"40%\" or \"10s\"; got "
                + (value instanceof java.util.Map ? "an object" : value instanceof java.util.List ? "an array" : value) + ".");
    }
}
