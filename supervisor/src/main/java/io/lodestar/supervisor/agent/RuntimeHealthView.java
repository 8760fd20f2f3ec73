package io.lodestar.supervisor.agent;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** One runtime of a node as its Warden's heartbeats last reported it: whether it answers its health check, and why not. */
public record RuntimeHealthView(
        String runtime,
        boolean healthy,
        String detail,
        @JsonProperty("changed_at") String changedAt) {

    static RuntimeHealthView of(RuntimeHealth row) {
        return new RuntimeHealthView(row.runtime, row.healthy, row.detail, Times.format(row.changedAt));
    }
}
