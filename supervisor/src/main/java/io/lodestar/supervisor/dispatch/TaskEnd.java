package io.lodestar.supervisor.dispatch;

/** How a task ended, as the features it serves tell their users: what ran, and what never reached its node. */
public enum TaskEnd {
    /** The Warden reported success. */
    SUCCEEDED,
    /** The Warden reported failure (or the node was deleted). */
    FAILED,
    /** The deadline passed before the Warden accepted it: nothing ran on the node. */
    NOT_DELIVERED,
    /** The Warden accepted it but reported no outcome before the deadline. */
    TIMED_OUT,
    /** Withdrawn before its node could receive it (a cancel): nothing ran. */
    WITHDRAWN
}
