package io.lodestar.supervisor.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.google.protobuf.Message;

import io.lodestar.protocol.v1.Task.KindCase;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentRevoked;
import io.lodestar.supervisor.agent.AgentState;
import io.lodestar.supervisor.common.LogContext;
import io.quarkus.panache.common.Parameters;
import io.quarkus.logging.Log;

/** Writes tasks, records what Wardens report about them, and expires overdue ones: the only place a task's state changes. */
@ApplicationScoped
public class TaskService {

    @Inject
    SupervisorConfig config;

    @Inject
    LinkSessions sessions;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<TaskFinished> finishedEvents;

    @Inject
    Event<TaskRunning> runningEvents;

    @Inject
    Event<TaskReported> reportedEvents;

    @Inject
    Clock clock;

    @Inject
    TaskWakeups wakeups;

    @Inject
    TaskOrder order;

    /** What to tell the Warden after an update was handled. */
    public enum UpdateOutcome {
        /** Committed (or already known): acknowledge it so the Warden stops re-sending. */
        ACKNOWLEDGE,
        /** Not this node's task, or from a stale session: refuse, do not acknowledge. */
        REFUSE
    }

    /** {@link #create(long, long, Message, Duration)} with the dispatch deadline, as for runtime actions and kills. */
    public Task create(long nodeId, long taskId, Message request) {
        return create(nodeId, taskId, request, config.dispatch().deadline());
    }

    /**
     * Writes a task in the caller's transaction and pushes it to the node's Warden once that commits. Its kind is
     * the request's type, one of the link's task kinds (a {@code RuntimeAction}, a {@code SnapshotRequest}, an
     * {@code OperationKill}), stored as sent. The task takes the id of what it serves (an activity, a snapshot
     * item), so one id traces a job from the API to the node's log.
     */
    public Task create(long nodeId, long taskId, Message request, Duration deadline) {
        return create(nodeId, taskId, request, deadline, null);
    }

    /**
     * {@link #create(long, long, Message, Duration)} with an execution timeout the Warden enforces once it accepted
     * the task ({@code null}: none; the delivery deadline then bounds the whole task, as for snapshots).
     */
    public Task create(long nodeId, long taskId, Message request, Duration deadline, Duration executionTimeout) {
        Task task = new Task();
        task.executionTimeoutMs = executionTimeout == null ? null : executionTimeout.toMillis();
        task.id = taskId;
        task.nodeId = nodeId;
        task.kind = TaskMessages.fieldOf(request).getName();
        task.request = TaskMessages.encode(request);
        task.state = TaskState.PENDING;
        task.createdAt = clock.instant();
        task.deadlineAt = task.createdAt.plus(deadline);
        order.assign(task, request);
        task.persist();
        Agent agent = Agent.findById(nodeId);
        if (agent != null && agent.revokedAt != null) { // no Warden will ever take it: say so now, not at the deadline
            transition(task, TaskState.FAILED, "node revoked: node " + nodeId + " was deleted, so no Warden can receive"
                    + " this task; nothing ran.");
            return task;
        }
        if (order.inTurn(task)) { // otherwise it goes out when the task before it ends
            dispatch(task);
        }
        return task;
    }

    /** The task as the Warden receives it: what a feature reads back of a task it wrote. */
    public io.lodestar.protocol.v1.Task message(Task task) {
        return TaskMessages.toProto(task);
    }

    /** The open snapshot task of this node with this id, locked; empty when there is none. */
    public Optional<Task> openSnapshotTask(long nodeId, long taskId) {
        Task task = Task.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
        boolean usable = task != null && task.nodeId == nodeId && TaskMessages.kindOf(task) == KindCase.SNAPSHOT
                && TaskState.OPEN.contains(task.state);
        return usable ? Optional.of(task) : Optional.empty();
    }

    /** Pushes the task once the transaction commits (here, or through a wake-up to the replica holding its node). */
    private void dispatch(Task task) {
        pushAfterCommit(task);
        wakeups.announce(task);
    }

    private void pushAfterCommit(Task task) {
        long nodeId = task.nodeId;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                // Still pending: the transaction that let it go may also have ended it (a revoked node, an expiry).
                if (status == Status.STATUS_COMMITTED && task.state == TaskState.PENDING) {
                    sessions.push(nodeId, TaskMessages.toProto(task));
                }
            }
        });
    }

    /** Tasks a (re)connected node still has to run or report on, oldest first; pending ones only in their turn. */
    @Transactional
    public List<io.lodestar.protocol.v1.Task> openTasks(long nodeId) {
        return Task.<Task>list("from Task t where t.nodeId = :node and (t.state = :accepted or (t.state = :pending and "
                + TaskOrder.IN_TURN + ")) order by t.id", Parameters.with("node", nodeId).and("accepted", TaskState.ACCEPTED)
                .and("pending", TaskState.PENDING).and("open", TaskState.OPEN)).stream().map(TaskMessages::toProto).toList();
    }

    /** PENDING tasks of these nodes older than {@code before}: pushes that may have been missed. */
    @Transactional
    public List<Task> unaccepted(Collection<Long> nodeIds, Instant before, int limit) {
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        return Task.<Task>find("from Task t where t.nodeId in :nodes and t.state = :pending and t.createdAt < :before and "
                + TaskOrder.IN_TURN + " order by t.id", Parameters.with("nodes", nodeIds).and("pending", TaskState.PENDING)
                .and("before", before).and("open", TaskState.OPEN)).range(0, limit - 1).list();
    }

    /** Records a Warden's report on a task, refusing reports from a stale session or about another node's task. */
    @Transactional
    public UpdateOutcome recordUpdate(long nodeId, long sessionEpoch, TaskUpdate update) {
        Agent agent = Agent.findById(nodeId);
        if (agent == null || agent.sessionEpoch != sessionEpoch) {
            Log.warnf("Refused an update on task %d from a stale session of node %d", update.getTaskId(), nodeId);
            return UpdateOutcome.REFUSE;
        }
        // Locked so a report racing the deadline sweep cannot end the task twice.
        Task task = Task.findById(update.getTaskId(), LockModeType.PESSIMISTIC_WRITE);
        if (task == null || task.nodeId != nodeId) {
            Log.warnf("Refused node %d's update on task %d: not a task of this node", nodeId, update.getTaskId());
            return UpdateOutcome.REFUSE;
        }
        TaskState before = task.state;
        switch (update.getState()) {
            case TASK_STATE_ACCEPTED, TASK_STATE_RUNNING -> {
                if (task.state == TaskState.PENDING) {
                    transition(task, TaskState.ACCEPTED, null);
                }
                if (update.getState() == io.lodestar.protocol.v1.TaskState.TASK_STATE_RUNNING && !task.state.isTerminal()) {
                    runningEvents.fire(new TaskRunning(task.id, TaskMessages.kindOf(task), update.getMessage()));
                }
            }
            case TASK_STATE_SUCCEEDED -> finishIfOpen(task, TaskState.SUCCEEDED, update.getMessage(), TaskEnd.SUCCEEDED);
            case TASK_STATE_FAILED -> finishIfOpen(task, TaskState.FAILED, update.getMessage(),
                    update.getFailure() == TaskUpdate.Failure.FAILURE_EXECUTION_TIMEOUT ? TaskEnd.TIMED_OUT : TaskEnd.FAILED);
            default -> {
                Log.warnf("Node %d sent task %d an update without a state", nodeId, task.id);
                return UpdateOutcome.REFUSE;
            }
        }
        reportedEvents.fire(new TaskReported(task.id, before, task.state, update.getPid()));
        return UpdateOutcome.ACKNOWLEDGE;
    }

    /** Turns every open task past its deadline into EXPIRED; returns how many. */
    @Transactional
    public int expireOverdue(int limit) {
        Instant now = clock.instant();
        List<Task> overdue = Task.<Task>find("state in ?1 and deadlineAt <= ?2 order by deadlineAt", TaskState.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, limit - 1).list();
        List<Long> expired = new ArrayList<>();
        for (Task task : overdue) {
            String why = TaskExpiry.message(task, Agent.findById(task.nodeId), order.earlierOpen(task),
                    config.dispatch().reportGrace());
            try (LogContext.Scope node = LogContext.put(LogContext.NODE_ID, task.nodeId);
                    LogContext.Scope id = LogContext.put(LogContext.TASK_ID, task.id)) {
                transition(task, TaskState.EXPIRED, why);
            }
            expired.add(task.id);
        }
        return expired.size();
    }

    /**
     * Withdraws a task its node cannot have received: still pending and its Warden not connected (the agent's row
     * lock orders this before any reconnect, which then no longer finds the task open). Ends it as
     * {@link TaskEnd#WITHDRAWN} with {@code message}; returns false, changing nothing, when the node may have it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawIfUndelivered(long taskId, String message) {
        Task task = Task.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || task.state != TaskState.PENDING) {
            return false;
        }
        Agent agent = Agent.findById(task.nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (agent != null && agent.state == AgentState.ONLINE) {
            return false;
        }
        transition(task, TaskState.FAILED, message, TaskEnd.WITHDRAWN);
        return true;
    }

    /** The task's state, or empty when there is no such task. */
    public Optional<TaskState> stateOf(long taskId) {
        Task task = Task.findById(taskId);
        return task == null ? Optional.empty() : Optional.of(task.state);
    }

    /** Fails every open task of a node whose identity was revoked, in the revoking transaction; their jobs end with why. */
    void onAgentRevoked(@Observes AgentRevoked revoked) {
        long nodeId = revoked.nodeId();
        List<Task> open = Task.<Task>find("nodeId = ?1 and state in ?2 order by id", nodeId, TaskState.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Task task : open) {
            transition(task, TaskState.FAILED, task.state == TaskState.PENDING
                    ? "node revoked: node " + nodeId + " was deleted before its Warden received this task; nothing ran."
                    : "node revoked: node " + nodeId + " was deleted after its Warden accepted this task and before it"
                            + " reported an outcome; whether the action finished on the node is unknown.");
        }
        Log.infof("Node %d deleted: %d open task(s) rejected", nodeId, open.size());
    }

    private void finishIfOpen(Task task, TaskState next, String message, TaskEnd end) {
        if (task.state.isTerminal()) {
            Log.debugf("Task %d is already %s; the repeated report is acknowledged and ignored", task.id, task.state);
            return;
        }
        transition(task, next, message, end);
    }

    private void transition(Task task, TaskState next, String message) {
        TaskEnd end = switch (next) {
            case SUCCEEDED -> TaskEnd.SUCCEEDED;
            case EXPIRED -> task.state == TaskState.ACCEPTED ? TaskEnd.TIMED_OUT : TaskEnd.NOT_DELIVERED;
            default -> TaskEnd.FAILED;
        };
        transition(task, next, message, end);
    }

    private void transition(Task task, TaskState next, String message, TaskEnd end) {
        if (!task.state.canTransitionTo(next)) {
            throw new io.lodestar.supervisor.common.DomainException.IllegalTransition(
                    "Task " + task.id + " cannot go from " + task.state + " to " + next);
        }
        Instant now = clock.instant();
        task.state = next;
        switch (next) {
            case ACCEPTED -> {
                task.acceptedAt = now;
                if (task.executionTimeoutMs != null) { // from here on the Warden's own timeout bounds it; this is the fallback
                    task.deadlineAt = now.plusMillis(task.executionTimeoutMs).plus(config.dispatch().reportGrace());
                }
            }
            case SUCCEEDED, FAILED, EXPIRED -> {
                task.finishedAt = now;
                task.message = message;
                finishedEvents.fire(new TaskFinished(task.id, TaskMessages.kindOf(task), end, message));
                order.nextInTurn(task).ifPresent(this::dispatch);
            }
            case PENDING -> throw new IllegalStateException("A task never returns to pending");
        }
    }
}
