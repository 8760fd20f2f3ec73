package io.lodestar.supervisor.activity;

import java.util.List;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.config.RuntimeConfig;

/**
 * A reconfigure is about to be dispatched to these nodes, in the caller's transaction. Fired
 * synchronously: an observer that knows the runtime (the plan's dangerous keys) refuses it by throwing
 * a {@link io.lodestar.supervisor.common.DomainException}, and nothing is dispatched.
 *
 * @param force the request said it knows the change is dangerous ({@code "force": true})
 */
public record ReconfigureRequested(long deploymentId, List<Long> nodeIds, RuntimeName runtime, RuntimeConfig config,
        boolean force) {
}
