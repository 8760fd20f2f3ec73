package io.lodestar.supervisor.dispatch;

import java.time.Duration;
import java.util.Optional;

import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentState;

/** Why an overdue task ends, in words an operator can act on. */
final class TaskExpiry {

    private TaskExpiry() {
    }

    /**
     * Never delivered (nothing ran: it waited behind an earlier action on the same runtime, or the node was
     * offline since when, or its Warden did not take it) or delivered and not finished in time (what it did on
     * the node is what its Warden reports later, if anything).
     */
    static String message(Task task, Agent agent, Optional<Task> waitedFor, Duration reportGrace) {
        Duration allowed = Duration.between(task.createdAt, task.deadlineAt);
        boolean online = agent != null && agent.state == AgentState.ONLINE;
        if (task.state == TaskState.ACCEPTED && task.executionTimeoutMs != null) {
            // The Warden enforces the execution timeout itself; this is the fallback for one that never reported.
            return "timed out: the Warden on node " + task.nodeId + " accepted this task at " + task.acceptedAt
                    + " and did not report within its execution_timeout (" + Duration.ofMillis(task.executionTimeoutMs)
                    + ") and " + reportGrace + " more; what it did on the node is unknown.";
        }
        if (task.state == TaskState.ACCEPTED) {
            return "timed out: the Warden on node " + task.nodeId + " accepted this task at " + task.acceptedAt
                    + " but reported no outcome before the deadline (" + allowed + ").";
        }
        if (waitedFor.isPresent()) {
            return "not delivered: it waited for task " + waitedFor.get().id + ", an earlier action on the same runtime of"
                    + " node " + task.nodeId + ", which had not ended before the delivery deadline (" + allowed
                    + "); actions on one runtime run in the order they were accepted; nothing ran.";
        }
        if (online) {
            return "not delivered: the Warden on node " + task.nodeId + " is connected but did not accept this task before"
                    + " the delivery deadline (" + allowed + "); nothing ran.";
        }
        String since = agent == null || agent.lastSeenAt == null ? "it enrolled" : agent.lastSeenAt.toString();
        return "not delivered: node offline since " + since + "; the Warden on node " + task.nodeId
                + " did not connect before the delivery deadline (" + allowed + "); nothing ran.";
    }
}
