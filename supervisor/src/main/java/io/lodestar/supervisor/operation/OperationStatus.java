package io.lodestar.supervisor.operation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An operation's lifecycle (seed 003); the table below is the only place its transitions are allowed. */
public enum OperationStatus {
    /** Written; its tasks wait for the agent's Warden. Transitions to: running, done, error. */
    PENDING,
    /** The Warden has started its work. Transitions to: done, error. */
    RUNNING,
    /** Every task of it succeeded. Terminal. */
    DONE,
    /** A task failed or expired, or it was killed. Terminal. */
    ERROR;

    private static final Map<OperationStatus, Set<OperationStatus>> NEXT = new EnumMap<>(OperationStatus.class);

    static {
        NEXT.put(PENDING, EnumSet.of(RUNNING, DONE, ERROR));
        NEXT.put(RUNNING, EnumSet.of(DONE, ERROR));
        NEXT.put(DONE, EnumSet.noneOf(OperationStatus.class));
        NEXT.put(ERROR, EnumSet.noneOf(OperationStatus.class));
    }

    public boolean canTransitionTo(OperationStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
