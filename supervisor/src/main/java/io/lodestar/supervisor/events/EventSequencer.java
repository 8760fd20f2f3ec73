package io.lodestar.supervisor.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

/**
 * Gives committed events their stream position ({@code seq}), one number after another, under the row lock
 * on {@code event_sequence}. Ids allocated by the writers cannot serve as positions: a transaction that took
 * an id first may commit after one that took a later id, and a reader that had passed the later id would
 * never see the earlier one. Numbering only rows that are already committed, one sequencer at a time
 * (on any replica: the lock serialises them), makes positions grow in commit order, and a position is
 * visible only once every smaller one is. The cost is up to {@code sequence-interval} of delay.
 */
@ApplicationScoped
@Startup
public class EventSequencer {

    static final int BATCH = 500;

    @Inject
    DataSource dataSource;

    @Inject
    Event<EventsSequenced> sequencedEvents;

    @Inject
    EventsConfig config;

    /** Its own thread: the scheduler's {@code every} runs no more often than once a second. */
    private ScheduledExecutorService ticker;

    @PostConstruct
    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-sequencer");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.sequenceInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }

    void tick() {
        try {
            while (sequenceBatch() == BATCH) {
                // more were waiting: keep going, one transaction per batch
            }
        } catch (RuntimeException e) {
            Log.warnf("Numbering new events failed this time (tried again in %s): %s", config.sequenceInterval(), e.getMessage());
        }
    }

    /** Numbers up to one batch of committed, unnumbered events; returns how many. */
    @Transactional
    int sequenceBatch() {
        try (Connection connection = dataSource.getConnection()) {
            long last = lockLastSeq(connection);
            List<SequencedEvent> numbered = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, tenant_id, deployment_id, node_id, type, data,"
                    + " created_at from events where seq is null order by id")) {
                select.setMaxRows(BATCH);
                try (ResultSet rows = select.executeQuery();
                        PreparedStatement number = connection.prepareStatement("update events set seq = ? where id = ?")) {
                    while (rows.next()) {
                        last++;
                        number.setLong(1, last);
                        number.setLong(2, rows.getLong(1));
                        number.addBatch();
                        numbered.add(new SequencedEvent(last, rows.getLong(2), nullable(rows, 3), nullable(rows, 4), rows.getString(5),
                                rows.getString(6), rows.getTimestamp(7).toInstant()));
                    }
                    if (numbered.isEmpty()) {
                        return 0;
                    }
                    number.executeBatch();
                }
            }
            try (PreparedStatement save = connection.prepareStatement("update event_sequence set last_seq = ? where id = 1")) {
                save.setLong(1, last);
                save.executeUpdate();
            }
            sequencedEvents.fire(new EventsSequenced(List.copyOf(numbered)));
            return numbered.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not number new events: " + e.getMessage(), e);
        }
    }

    /** Deletes events older than {@code before}, and remembers the highest position deleted. */
    @Transactional
    public void prune(java.time.Instant before) {
        try (Connection connection = dataSource.getConnection()) {
            lockLastSeq(connection);
            long through;
            try (PreparedStatement max = connection.prepareStatement("select max(seq) from events where created_at < ? and seq is not null")) {
                max.setTimestamp(1, Timestamp.from(before));
                try (ResultSet row = max.executeQuery()) {
                    row.next();
                    through = row.getLong(1);
                    if (row.wasNull()) {
                        return;
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from events where seq <= ?");
                    PreparedStatement mark = connection.prepareStatement(
                            "update event_sequence set pruned_through = ? where id = 1 and pruned_through < ?")) {
                delete.setLong(1, through);
                delete.executeUpdate();
                mark.setLong(1, through);
                mark.setLong(2, through);
                mark.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete old events: " + e.getMessage(), e);
        }
    }

    /**
     * The positions, with the sequencer's lock held until the caller's transaction ends: meanwhile no event is
     * numbered, nor queued for webhooks, so the caller sees a position that stays the last one until it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventReader.Bounds holdNumbering() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement("select last_seq, pruned_through from event_sequence where id = 1 for update");
                ResultSet row = lock.executeQuery()) {
            row.next();
            return new EventReader.Bounds(row.getLong(1), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold the event positions: " + e.getMessage(), e);
        }
    }

    private static long lockLastSeq(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select last_seq from event_sequence where id = 1 for update");
                ResultSet row = lock.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    static Long nullable(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
