package io.lodestar.supervisor.deployment;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.placement.NodeRuntimeState;

/** What happened to a deployment; each event also records the deployment's status after it. */
public enum DeploymentEventType {
    /** The deployment was created (status deploying). */
    CREATED,
    /** The deployment's status changed because of what its nodes reported. */
    STATUS_CHANGED,
    /** A restart was requested (status deploying). */
    RESTARTED,
    /** A scale was requested; the message says from how many replicas to how many. */
    SCALED,
    /** A node joined the deployment by a scale-up. */
    NODE_ADDED,
    /** A node left the deployment by a scale-down; its runtimes are being stopped. */
    NODE_RELEASED,
    /** A node's runtime process is up. */
    NODE_RUNNING,
    /** A node's runtime passed its health check. */
    NODE_READY,
    /** A node's runtime failed to start or its node did not answer. */
    NODE_FAILED,
    /** A node's runtimes were stopped. */
    NODE_STOPPED,
    /** The deployment was deleted (status killed). */
    KILLED,
    /**
     * A node's runtime config file stopped matching the version Lodestar applied there (edited by hand), or
     * matches again; the message says which.
     */
    CONFIG_DRIFT;

    public String wireName() {
        return name().toLowerCase();
    }

    public static DeploymentEventType parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new DomainException.Invalid("Unknown event_type '" + value + "'; use one of: "
                        + Arrays.stream(values()).map(DeploymentEventType::wireName).collect(Collectors.joining(", ")) + "."));
    }

    static DeploymentEventType of(NodeRuntimeState state) {
        return switch (state) {
            case RUNNING -> NODE_RUNNING;
            case READY -> NODE_READY;
            case FAILED -> NODE_FAILED;
            case STOPPED -> NODE_STOPPED;
            case STARTING -> NODE_ADDED;
        };
    }
}
