package io.lodestar.supervisor.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.lodestar.supervisor.common.LogContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Wake-ups across replicas on PostgreSQL: a task written for a node whose stream another replica holds
 * is announced with {@code NOTIFY} in the writing transaction (so it is heard only if it commits), and
 * every replica {@code LISTEN}s on one connection of its own and pushes the tasks of the nodes it holds
 * at once. A hint only: a lost notification (listener reconnecting) leaves the task to the sweep's
 * re-push. On H2 (one replica) nothing is announced; the push after commit reaches every node.
 */
@ApplicationScoped
public class TaskWakeups {

    static final String CHANNEL = "lodestar_tasks";
    private static final int WAIT_MS = 500;

    @Inject
    DataSource dataSource;

    @Inject
    LinkSessions sessions;

    private volatile boolean postgres;
    private volatile boolean running;
    private Thread listener;

    void onStart(@Observes StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database kind: " + e.getMessage(), e);
        }
        if (postgres) {
            running = true;
            listener = new Thread(this::listen, "task-wakeups");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /**
     * In the writing transaction: announces the task to the replica holding its node, unless that is this
     * one (the push after commit serves it).
     */
    void announce(Task task) {
        if (!postgres || sessions.of(task.nodeId).isPresent()) {
            return;
        }
        Task.getEntityManager().createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL).setParameter(2, task.nodeId + ":" + task.id).getSingleResult();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                Log.debugf("Listening for task wake-ups on %s", CHANNEL);
                while (running) {
                    PGNotification[] heard = notifications.getNotifications(WAIT_MS);
                    if (heard != null && heard.length > 0) {
                        pushHeld(heard);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    Log.warnf("Task wake-ups stopped (%s); the sweep re-pushes meanwhile, listening again in 1 s", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    /** Pushes the announced tasks of nodes held here, still pending and in their turn, read in one query. */
    private void pushHeld(PGNotification[] heard) {
        Map<Long, Long> nodeOfTask = new HashMap<>();
        for (PGNotification notification : heard) {
            String[] ids = notification.getParameter().split(":");
            long nodeId = Long.parseLong(ids[0]);
            if (sessions.of(nodeId).isPresent()) {
                nodeOfTask.put(Long.parseLong(ids[1]), nodeId);
            }
        }
        if (nodeOfTask.isEmpty()) {
            return;
        }
        List<Long> taskIds = new ArrayList<>(nodeOfTask.keySet());
        List<Task> pending = QuarkusTransaction.requiringNew().call(() -> Task.<Task>list(
                "from Task t where t.id in :ids and t.state = :pending and " + TaskOrder.IN_TURN + " order by t.id",
                Parameters.with("ids", taskIds).and("pending", TaskState.PENDING).and("open", TaskState.OPEN)));
        for (Task task : pending) {
            try (LogContext.Scope id = LogContext.put(LogContext.TASK_ID, task.id)) {
                sessions.push(task.nodeId, TaskMessages.toProto(task));
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
