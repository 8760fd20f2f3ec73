package io.lodestar.supervisor.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.OperationKill;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.dispatch.Task;
import io.lodestar.supervisor.dispatch.TaskFinished;
import io.lodestar.supervisor.dispatch.TaskReported;
import io.lodestar.supervisor.dispatch.TaskService;
import io.lodestar.supervisor.dispatch.TaskState;
import io.lodestar.supervisor.placement.Deployment;
import io.quarkus.logging.Log;

/**
 * Operations: every deployment-level job on one agent. The only place an operation's status changes.
 *
 * <p>How a job uses it, inside the job's own transaction:
 * <pre>
 * Operation op = operations.begin(deployment, agentId, OperationType.RESTART, "Restart iggy", "why", null);
 * operations.attach(op, taskId);                     // once per task the job sends to that agent, before
 * tasks.create(agentId, taskId, request);            // the task: one that ends at once still ends op
 *                                                    // (or ActivityService.dispatch(...), which does both)
 * </pre>
 * The operation turns {@code running} when the Warden accepts its first task and {@code done} (or
 * {@code error}) when every attached task has ended, so a job never finishes it by hand. A job without
 * tasks (a database-only change) calls {@link #finish} itself. Pass {@code rollbackOf} when the job
 * undoes an earlier operation; the view names that one.
 */
@ApplicationScoped
public class OperationService {

    @Inject
    TaskService tasks;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    /** Writes a {@code pending} operation of {@code deployment} on {@code agentId}. */
    public Operation begin(Deployment deployment, long agentId, OperationType type, String title, String description,
            Long rollbackOf) {
        Operation operation = new Operation();
        operation.id = ids.next();
        operation.placeIn(deployment.scope());
        operation.deploymentId = deployment.id;
        operation.agentId = agentId;
        operation.type = type;
        operation.title = title;
        operation.description = description;
        operation.status = OperationStatus.PENDING;
        operation.rollbackOf = rollbackOf;
        operation.createdAt = clock.instant();
        operation.persist();
        log(operation.id, "Operation created: " + operation.title + " (" + type.wireName() + ") on agent " + agentId);
        return operation;
    }

    /** Makes the task part of the operation's work: the operation ends when all of them have. */
    public void attach(Operation operation, long taskId) {
        link(operation.id, taskId, OperationTask.Purpose.WORK);
        log(operation.id, "Task " + taskId + " sent to agent " + operation.agentId);
    }

    /** Ends an operation that runs no task (or ends one early); a finished one stays as it was. */
    public void finish(Operation operation, boolean succeeded, String message) {
        transition(operation, succeeded ? OperationStatus.DONE : OperationStatus.ERROR, message);
    }

    /** Appends a line to the operation's log. */
    public void log(long operationId, String line) {
        OperationLogLine entry = new OperationLogLine();
        entry.id = ids.next();
        entry.operationId = operationId;
        entry.loggedAt = clock.instant();
        entry.line = line;
        entry.persist();
    }

    /**
     * Asks the agent's Warden to SIGKILL the process the operation's running task runs as; the operation
     * becomes {@code error} when the Warden confirms. Conflict unless the operation is running.
     */
    @Transactional
    public Operation kill(Operation operation) {
        Operation locked = Operation.findById(operation.id, LockModeType.PESSIMISTIC_WRITE);
        if (locked.status != OperationStatus.RUNNING) {
            throw new DomainException.Conflict("Operation " + locked.id + " is " + locked.status.wireName()
                    + "; only a running operation can be killed.");
        }
        Task target = runningWork(locked.id).orElseThrow(() -> new DomainException.Conflict(
                "Operation " + locked.id + " has no task running on agent " + locked.agentId + " any more."));
        long killTaskId = ids.next();
        Runtime runtime = tasks.message(target).getRuntimeAction().getRuntime();
        link(locked.id, killTaskId, OperationTask.Purpose.KILL);
        tasks.create(locked.agentId, killTaskId, OperationKill.newBuilder().setTargetTaskId(target.id).setRuntime(runtime).build());
        log(locked.id, "Kill requested: the Warden on agent " + locked.agentId + " is to SIGKILL the "
                + RuntimeName.fromProto(runtime).map(RuntimeName::wireName).orElse(runtime.name()) + " process of task " + target.id);
        return locked;
    }

    /** Removes the operation and its log; what it started keeps running. Conflict while it runs. */
    @Transactional
    public void delete(Operation operation) {
        if (!operation.status.isTerminal()) {
            throw new DomainException.Conflict("Operation " + operation.id + " is " + operation.status.wireName()
                    + "; kill it or wait for it to end before deleting its record.");
        }
        OperationLogLine.delete("operationId", operation.id);
        OperationTask.delete("operationId", operation.id);
        Operation.deleteById(operation.id);
    }

    void onTaskReported(@Observes TaskReported reported) {
        OperationTask link = OperationTask.findById(reported.taskId());
        if (link == null) {
            return;
        }
        Operation operation = Operation.findById(link.operationId, LockModeType.PESSIMISTIC_WRITE);
        if (reported.pid() > 0 && (operation.pid == null || operation.pid != reported.pid())) {
            operation.pid = reported.pid();
        }
        if (link.purpose == OperationTask.Purpose.WORK && reported.state() == TaskState.ACCEPTED
                && operation.status == OperationStatus.PENDING) {
            log(operation.id, "Task " + reported.taskId() + " accepted by the Warden");
            transition(operation, OperationStatus.RUNNING, null);
        }
    }

    void onTaskFinished(@Observes TaskFinished finished) {
        OperationTask link = OperationTask.findById(finished.taskId());
        if (link == null) {
            return;
        }
        Operation operation = Operation.findById(link.operationId, LockModeType.PESSIMISTIC_WRITE);
        String outcome = finished.succeeded() ? "succeeded" : "failed";
        log(operation.id, "Task " + finished.taskId() + " " + outcome
                + (finished.message() == null || finished.message().isBlank() ? "" : ": " + finished.message()));
        if (link.purpose == OperationTask.Purpose.KILL) {
            if (finished.succeeded()) {
                transition(operation, OperationStatus.ERROR, "Killed on request: " + finished.message());
            }
            return;
        }
        if (!finished.succeeded()) {
            transition(operation, OperationStatus.ERROR, finished.message());
        } else if (openWork(operation.id) == 0) {
            transition(operation, OperationStatus.DONE, null);
        }
    }

    private long openWork(long operationId) {
        return Task.count("id in (select t.taskId from OperationTask t where t.operationId = ?1 and t.purpose = ?2)"
                + " and state in ?3", operationId, OperationTask.Purpose.WORK, TaskState.OPEN);
    }

    private Optional<Task> runningWork(long operationId) {
        List<Task> running = Task.list("id in (select t.taskId from OperationTask t where t.operationId = ?1"
                + " and t.purpose = ?2) and state = ?3 order by id", operationId, OperationTask.Purpose.WORK, TaskState.ACCEPTED);
        return running.stream().filter(t -> tasks.message(t).hasRuntimeAction()).findFirst();
    }

    private void link(long operationId, long taskId, OperationTask.Purpose purpose) {
        OperationTask link = new OperationTask();
        link.taskId = taskId;
        link.operationId = operationId;
        link.purpose = purpose;
        link.persist();
    }

    private void transition(Operation operation, OperationStatus next, String message) {
        if (operation.status == next || operation.status.isTerminal()) {
            return; // a late report on a finished operation (a kill racing the task's own failure) changes nothing
        }
        switch (next) {
            case RUNNING, DONE, ERROR -> {
                if (!operation.status.canTransitionTo(next)) {
                    throw new DomainException.IllegalTransition("Operation " + operation.id + " cannot go from "
                            + operation.status.wireName() + " to " + next.wireName() + ".");
                }
                Instant now = clock.instant();
                Log.infof("Operation %d (%s on agent %d): %s -> %s", operation.id, operation.type.wireName(),
                        operation.agentId, operation.status.wireName(), next.wireName());
                operation.status = next;
                if (next == OperationStatus.RUNNING) {
                    operation.startedAt = now;
                } else {
                    operation.finishedAt = now;
                    operation.message = message == null || message.isBlank() ? null : message;
                    log(operation.id, "Operation " + next.wireName() + (operation.message == null ? "" : ": " + operation.message));
                }
            }
            case PENDING -> throw new DomainException.IllegalTransition("An operation never returns to pending.");
        }
    }
}
