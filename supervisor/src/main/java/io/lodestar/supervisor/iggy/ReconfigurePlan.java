package io.lodestar.supervisor.iggy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a reconfigure would do, node by node, computed without touching anything.
 *
 * @param dangerous whether any node has a dangerous change: a reconfigure without {@code "force": true} is refused
 * @param rollout how the reconfigure would run across the nodes
 */
public record ReconfigurePlan(
        @JsonProperty("deployment_id") long deploymentId,
        @JsonProperty("config_id") long configId,
        String runtime,
        @JsonProperty("config_checksum") String configChecksum,
        boolean dangerous,
        List<NodePlan> nodes,
        Rollout rollout) {

    /**
     * One node: what it runs now, what would change, what is dangerous and what Lodestar could not check.
     *
     * @param runs the version the node runs, as its Warden reported its file
     * @param restart whether the runtime restarts: any change restarts it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodePlan(
            @JsonProperty("node_id") long nodeId,
            String hostname,
            Runs runs,
            @JsonProperty("up_to_date") boolean upToDate,
            List<ConfigChange> changes,
            boolean restart,
            List<ConfigDanger> dangerous,
            List<ConfigDanger> unchecked,
            @JsonProperty("config_drift") String configDrift) {
    }

    /**
     * What the node's file is.
     *
     * @param checksum the sha256 the Warden reported, null when it could not read the file or has not reported
     * @param configId the version with that checksum, null when Lodestar has none (a file written by hand)
     * @param unknown why Lodestar does not know what the node runs; null when it does
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Runs(String checksum, @JsonProperty("config_id") Long configId, String unknown) {
    }

    /**
     * @param strategy {@code all_at_once}: every targeted node writes the file and restarts at the same time
     * @param batches the node ids of each step, in order
     */
    public record Rollout(String strategy, List<List<Long>> batches, String description) {
    }
}
