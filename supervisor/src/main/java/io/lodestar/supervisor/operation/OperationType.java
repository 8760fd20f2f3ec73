package io.lodestar.supervisor.operation;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.lodestar.supervisor.common.DomainException;

/** The deployment-level jobs the Supervisor runs on an agent. */
public enum OperationType {
    DEPLOY,
    RESTART,
    SCALE,
    TEARDOWN,
    CONFIG_ROLLOUT,
    /** A runtime action asked for through the activities API (seed 000), one per node. */
    RUNTIME_ACTION;

    public String wireName() {
        return name().toLowerCase();
    }

    public static OperationType parse(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new DomainException.Invalid("Unknown operation type '" + value + "'; use one of: "
                        + Arrays.stream(values()).map(OperationType::wireName).collect(Collectors.joining(", ")) + "."));
    }
}
