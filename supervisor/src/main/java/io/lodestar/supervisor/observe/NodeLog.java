package io.lodestar.supervisor.observe;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One node's log lines, or why there are none from it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeLog(@JsonProperty("node_id") long nodeId, String runtime, List<String> lines, String error) {

    public static NodeLog failed(long nodeId, String runtime, String error) {
        return new NodeLog(nodeId, runtime, List.of(), error);
    }
}
