package io.lodestar.supervisor.events;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityCreated;
import io.lodestar.supervisor.activity.ActivityFinished;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentPresenceChanged;
import io.lodestar.supervisor.agent.AgentRevoked;
import io.lodestar.supervisor.agent.RuntimeExited;
import io.lodestar.supervisor.agent.RuntimeHealthChanged;
import io.lodestar.supervisor.config.RuntimeConfig;
import io.lodestar.supervisor.config.RuntimeConfigCreated;
import io.lodestar.supervisor.deployment.DeploymentChanged;
import io.lodestar.supervisor.rollout.RolloutChanged;
import io.lodestar.supervisor.snapshot.Snapshot;
import io.lodestar.supervisor.snapshot.SnapshotFinished;
import io.lodestar.supervisor.snapshot.SnapshotStatus;

/**
 * The one place where what the lower packages fire becomes an event of the log: one observer per CDI event,
 * each running inside the transaction that fired it, so the event commits (or rolls back) with its cause.
 * A new source of events adds its observer here and its types to {@link EventType}.
 */
@ApplicationScoped
public class EventRecorder {

    @Inject
    EventLog log;

    void onActivityCreated(@Observes ActivityCreated created) {
        Activity activity = Activity.findById(created.activityId());
        log.append(activity.tenantId, activity.deploymentId, activity.nodeId, EventType.ACTIVITY_CREATED, activity(activity));
    }

    void onActivityFinished(@Observes ActivityFinished finished) {
        Activity activity = Activity.findById(finished.activityId());
        EventType type = finished.status() == ActivityStatus.COMPLETED ? EventType.ACTIVITY_COMPLETED : EventType.ACTIVITY_REJECTED;
        log.append(activity.tenantId, activity.deploymentId, activity.nodeId, type, activity(activity));
    }

    private static Map<String, Object> activity(Activity activity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activity_id", activity.id);
        data.put("runtime", activity.runtime);
        data.put("action", activity.action);
        data.put("status", activity.status.wireName());
        data.put("reason", activity.reason == null ? null : activity.reason.wireName());
        data.put("message", activity.message);
        data.put("rollout_id", activity.rolloutId);
        return data;
    }

    /** Every step of a rollout is progress; a rollout stopped by its error budget or its quorum guard is its own type. */
    void onRolloutChanged(@Observes RolloutChanged changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rollout_id", changed.rolloutId());
        data.put("state", changed.state());
        data.put("change", changed.change());
        data.put("node_state", changed.nodeState());
        data.put("message", changed.message());
        EventType type = "stopped".equals(changed.change()) ? EventType.ROLLOUT_STOPPED : EventType.ROLLOUT_PROGRESSED;
        log.append(changed.tenantId(), changed.deploymentId(), changed.nodeId(), type, data);
    }

    void onDeploymentChanged(@Observes DeploymentChanged changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", changed.status().wireName());
        data.put("message", changed.message());
        log.append(changed.scope().tenantId(), changed.deploymentId(), changed.nodeId(), EventType.of(changed.type()), data);
    }

    void onPresence(@Observes AgentPresenceChanged changed) {
        Agent agent = Agent.findById(changed.nodeId());
        log.append(agent.tenantId, null, agent.id, changed.online() ? EventType.NODE_ONLINE : EventType.NODE_OFFLINE,
                node(agent, changed.why()));
    }

    void onRevoked(@Observes AgentRevoked revoked) {
        Agent agent = Agent.findById(revoked.nodeId());
        log.append(agent.tenantId, null, agent.id, EventType.NODE_DELETED, node(agent, "The node was deleted and its identity revoked."));
    }

    void onRuntimeExited(@Observes RuntimeExited exited) {
        Agent agent = Agent.findById(exited.nodeId());
        Map<String, Object> data = node(agent, exited.message());
        data.put("runtime", exited.runtime().wireName());
        log.append(agent.tenantId, null, agent.id, EventType.RUNTIME_EXITED, data);
    }

    /** Told only when it changes (heartbeats repeat it), so a stream can keep each runtime's health without asking. */
    void onRuntimeHealthChanged(@Observes RuntimeHealthChanged changed) {
        Agent agent = Agent.findById(changed.nodeId());
        Map<String, Object> data = node(agent, changed.detail());
        data.put("runtime", changed.runtime().wireName());
        data.put("healthy", changed.healthy());
        log.append(agent.tenantId, null, agent.id, EventType.RUNTIME_HEALTH_CHANGED, data);
    }

    static Map<String, Object> node(Agent agent, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hostname", agent.hostname);
        data.put("message", message);
        return data;
    }

    void onSnapshotFinished(@Observes SnapshotFinished finished) {
        Snapshot item = Snapshot.findById(finished.snapshotId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("snapshot_id", item.id);
        data.put("name", item.name);
        data.put("status", item.status.wireName());
        data.put("message", item.message);
        log.append(item.tenantId, item.deploymentId, item.nodeId,
                finished.status() == SnapshotStatus.COMPLETED ? EventType.SNAPSHOT_COMPLETED : EventType.SNAPSHOT_FAILED, data);
    }

    void onConfigCreated(@Observes RuntimeConfigCreated created) {
        RuntimeConfig config = RuntimeConfig.findById(created.configId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("config_id", config.id);
        data.put("runtime", config.runtime);
        data.put("name", config.name);
        data.put("checksum", config.checksum);
        log.append(config.tenantId, config.deploymentId, null, EventType.CONFIG_CREATED, data);
    }
}
