package io.lodestar.supervisor.dispatch;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A task's delivery state: the outbox row behind every action sent to a Warden. */
public enum TaskState {
    /** Written, not yet accepted by the Warden (pushed at once when it is connected). Transitions to: accepted, succeeded, failed, expired. */
    PENDING,
    /** The Warden has it. Transitions to: succeeded, failed, expired. */
    ACCEPTED,
    /** The Warden reported success. Terminal. */
    SUCCEEDED,
    /** The Warden reported failure. Terminal. */
    FAILED,
    /** The deadline passed before the Warden reported an outcome. Terminal. */
    EXPIRED;

    private static final Map<TaskState, Set<TaskState>> NEXT = new EnumMap<>(TaskState.class);

    static {
        NEXT.put(PENDING, EnumSet.of(ACCEPTED, SUCCEEDED, FAILED, EXPIRED));
        NEXT.put(ACCEPTED, EnumSet.of(SUCCEEDED, FAILED, EXPIRED));
        NEXT.put(SUCCEEDED, EnumSet.noneOf(TaskState.class));
        NEXT.put(FAILED, EnumSet.noneOf(TaskState.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(TaskState.class));
    }

    public static final Set<TaskState> OPEN = EnumSet.of(PENDING, ACCEPTED);

    public boolean canTransitionTo(TaskState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }
}
