package io.lodestar.supervisor.dispatch;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import com.google.protobuf.Message;

import io.lodestar.protocol.v1.RuntimeAction;

/**
 * Keeps the actions on one runtime of one node in the order the API accepted them, whichever replica
 * accepted each. When a task is written it draws its place from a database sequence (shared by every
 * replica, so a later acceptance always draws a higher number) and is filed under its lane, the node's
 * runtime. A task is in turn when no earlier task of its lane is still open: only tasks in turn are
 * pushed, re-pushed, announced or sent on reconnect, and when a task ends the next one of its lane is
 * pushed in that transaction's wake. The order is decided in the database, so it holds however the
 * pushes, wake-ups and reconnects of several replicas interleave; the Warden then runs a lane's tasks
 * one at a time in the order they arrive.
 */
@ApplicationScoped
public class TaskOrder {

    private static final String SEQUENCE = "task_order_seq";

    /** JPQL, with the task aliased {@code t} and the open states bound to {@code :open}: no earlier task of its lane is open. */
    static final String IN_TURN = "not exists (select 1 from Task earlier where earlier.nodeId = t.nodeId"
            + " and earlier.orderLane = t.orderLane and earlier.laneOrder < t.laneOrder and earlier.state in :open)";

    private volatile String nextValue;

    /** Files a task under its lane with the next place in the shared order; kinds without a lane are left alone. */
    void assign(Task task, Message request) {
        laneOf(request).ifPresent(lane -> {
            task.orderLane = lane;
            task.laneOrder = ((Number) Task.getEntityManager().createNativeQuery(nextValueSql()).getSingleResult()).longValue();
        });
    }

    /** Whether the task may go to its Warden now: it has no lane, or every earlier task of its lane has ended. */
    boolean inTurn(Task task) {
        return task.orderLane == null || earlierOpen(task).isEmpty();
    }

    /** The earliest open task of this task's lane placed before it: what it waits for, if anything. */
    Optional<Task> earlierOpen(Task task) {
        if (task.orderLane == null) {
            return Optional.empty();
        }
        return Task.<Task>find("nodeId = ?1 and orderLane = ?2 and laneOrder < ?3 and state in ?4 order by laneOrder",
                task.nodeId, task.orderLane, task.laneOrder, TaskState.OPEN).firstResultOptional();
    }

    /** After {@code ended} ended: the next task of its lane when it is pending and now in turn. */
    Optional<Task> nextInTurn(Task ended) {
        if (ended.orderLane == null) {
            return Optional.empty();
        }
        List<Task> open = Task.<Task>find("nodeId = ?1 and orderLane = ?2 and state in ?3 order by laneOrder",
                ended.nodeId, ended.orderLane, TaskState.OPEN).range(0, 0).list();
        return open.stream().filter(next -> next.state == TaskState.PENDING).findFirst();
    }

    /** Runtime actions are ordered per runtime; every other kind acts on something of its own. */
    private static Optional<String> laneOf(Message request) {
        if (request instanceof RuntimeAction action) {
            return Optional.of("runtime:" + action.getRuntime().name());
        }
        return Optional.empty();
    }

    /** The dialect's own "next value" statement, so one query serves H2 and PostgreSQL. */
    private String nextValueSql() {
        String sql = nextValue;
        if (sql == null) {
            sql = Task.getEntityManager().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
            nextValue = sql;
        }
        return sql;
    }
}
