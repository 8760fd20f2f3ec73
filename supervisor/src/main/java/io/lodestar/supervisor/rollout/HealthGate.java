package io.lodestar.supervisor.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentState;
import io.lodestar.supervisor.agent.RuntimeHealth;

/**
 * Judges a node at the end of its health gate from what its Warden's heartbeats say, not from the action's own
 * health check alone. A heartbeat saying the runtime does not answer its health check during the gate has failed
 * the node already ({@link RolloutEngine#onRuntimeHealthChanged}); here the node passes when its Warden is connected
 * and the heartbeats' last word on each runtime of the rollout is healthy (or was never given: a Warden too old to
 * report health). A last word of unhealthy heard before the gate began (the node was down before its action) is
 * not an answer yet: the gate waits for a heartbeat, up to the heartbeat TTL past its end, then fails.
 */
@ApplicationScoped
class HealthGate {

    /** What the gate's end decides: passed, failed (with why), or wait until {@code until}. */
    record Verdict(boolean passed, String failure, Instant waitUntil, String waiting) {
    }

    @Inject
    SupervisorConfig config;

    Verdict judge(Rollout rollout, RolloutNode node, Instant now) {
        String gate = Durations.format(Duration.ofMillis(rollout.minHealthyMs));
        Agent agent = Agent.findById(node.nodeId);
        if (agent == null || agent.state != AgentState.ONLINE) {
            return new Verdict(false, "its Warden went offline during the health gate (min_healthy_time " + gate
                    + "), so its runtime's health is unknown.", null, null);
        }
        Optional<RuntimeHealth> unhealthy = lastWordUnhealthy(rollout, node.nodeId);
        if (unhealthy.isEmpty()) {
            return new Verdict(true, null, null, null);
        }
        RuntimeHealth last = unhealthy.get();
        Instant bound = node.healthyAt.plusMillis(rollout.minHealthyMs).plus(config.link().heartbeatTtl());
        if (now.isBefore(bound)) {
            Instant next = now.plus(config.link().heartbeatInterval());
            return new Verdict(false, null, next.isBefore(bound) ? next : bound, "its action's health check passed;"
                    + " waiting for a heartbeat to say " + last.runtime + " is healthy (the last one, at " + last.changedAt
                    + ", said " + last.detail + ").");
        }
        return new Verdict(false, "its Warden's heartbeats did not report " + last.runtime + " healthy within"
                + " min_healthy_time " + gate + " and the heartbeat TTL (last: " + last.detail + " at " + last.changedAt
                + ").", null, null);
    }

    /** The first runtime of the rollout whose heartbeats' last word on this node is unhealthy. */
    static Optional<RuntimeHealth> lastWordUnhealthy(Rollout rollout, long nodeId) {
        List<String> runtimes = List.of(rollout.runtime.split(" "));
        return RuntimeHealth.<RuntimeHealth>find("nodeId = ?1 and runtime in ?2 and healthy = false order by runtime",
                nodeId, runtimes).firstResultOptional();
    }
}
