package io.lodestar.supervisor.iggy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.supervisor.common.DomainException;

/**
 * 409: the reconfigure changes keys Iggy does not take safely. The problem document lists them per node
 * ({@code dangerous: [{node_id, key, reason}]}); sending the request again with {@code "force": true}
 * applies it anyway.
 */
public class DangerousReconfigure extends DomainException.Conflict {

    private final List<Map<String, Object>> dangers;

    DangerousReconfigure(long configId, ReconfigurePlan plan) {
        super(detail(configId, plan));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReconfigurePlan.NodePlan node : plan.nodes()) {
            for (ConfigDanger danger : node.dangerous()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("node_id", node.nodeId());
                entry.put("key", danger.key());
                entry.put("reason", danger.reason());
                list.add(entry);
            }
        }
        this.dangers = List.copyOf(list);
    }

    private static String detail(long configId, ReconfigurePlan plan) {
        List<String> keys = plan.nodes().stream().flatMap(n -> n.dangerous().stream()).map(ConfigDanger::key)
                .distinct().toList();
        return "Config " + configId + " changes " + String.join(", ", keys) + ", which Iggy does not take safely (see "
                + "dangerous for the reasons). Check the plan with POST /deployments/" + plan.deploymentId() + "/configs/"
                + configId + "/plan; to apply it anyway, send the request again with {\"force\": true}.";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("dangerous", dangers);
    }
}
