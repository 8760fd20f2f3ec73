package io.lodestar.supervisor.events;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.deployment.DeploymentEventType;

/**
 * Every type of event the streams and webhooks carry, by wire name. A deployment's lifecycle events keep
 * their own names under {@code deployment.} (see {@link DeploymentEventType}).
 */
public enum EventType {
    ACTIVITY_CREATED("activity.created"),
    ACTIVITY_COMPLETED("activity.completed"),
    ACTIVITY_REJECTED("activity.rejected"),
    DEPLOYMENT_CREATED("deployment.created"),
    DEPLOYMENT_STATUS_CHANGED("deployment.status_changed"),
    DEPLOYMENT_RESTARTED("deployment.restarted"),
    DEPLOYMENT_SCALED("deployment.scaled"),
    DEPLOYMENT_NODE_ADDED("deployment.node_added"),
    DEPLOYMENT_NODE_RELEASED("deployment.node_released"),
    DEPLOYMENT_NODE_RUNNING("deployment.node_running"),
    DEPLOYMENT_NODE_READY("deployment.node_ready"),
    DEPLOYMENT_NODE_FAILED("deployment.node_failed"),
    DEPLOYMENT_NODE_STOPPED("deployment.node_stopped"),
    DEPLOYMENT_KILLED("deployment.killed"),
    DEPLOYMENT_CONFIG_DRIFT("deployment.config_drift"),
    NODE_ONLINE("node.online"),
    NODE_OFFLINE("node.offline"),
    NODE_UNREACHABLE("node.unreachable"),
    NODE_DELETED("node.deleted"),
    NODE_DISK_FILLING("node.disk_filling"),
    CERTIFICATE_EXPIRING("certificate.expiring"),
    RUNTIME_EXITED("runtime.exited"),
    RUNTIME_HEALTH_CHANGED("runtime.health_changed"),
    SNAPSHOT_COMPLETED("snapshot.completed"),
    SNAPSHOT_FAILED("snapshot.failed"),
    CONFIG_CREATED("config.created"),
    ROLLOUT_PROGRESSED("rollout.progressed"),
    ROLLOUT_STOPPED("rollout.stopped"),
    WEBHOOK_DISABLED("webhook.disabled"),
    WEBHOOK_ENABLED("webhook.enabled"),
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    static EventType of(DeploymentEventType type) {
        return fromWireName("deployment." + type.wireName())
                .orElseThrow(() -> new IllegalStateException("No event type for deployment event " + type));
    }

    /**
     * A comma-separated list of wire names ({@code types=} of the streams, {@code event_types} of webhooks);
     * empty or null means every type. An unknown name is a 400 listing the known ones.
     */
    public static Set<EventType> parseList(String field, Iterable<String> names) {
        Set<EventType> parsed = new LinkedHashSet<>();
        for (String raw : names) {
            for (String name : raw.split(",")) {
                String trimmed = name.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                parsed.add(fromWireName(trimmed).orElseThrow(() -> new DomainException.Invalid(field + " has the unknown event type '"
                        + trimmed + "'; use any of: " + Arrays.stream(values()).map(EventType::wireName)
                                .collect(Collectors.joining(", ")) + ".")));
            }
        }
        return parsed;
    }
}
