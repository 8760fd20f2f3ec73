package io.lodestar.supervisor.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the numbered events from the database, so any replica serves any stream, before and after a restart. */
@ApplicationScoped
public class EventReader {

    @Inject
    DataSource dataSource;

    /** What a stream reads: a tenant's events, or one deployment's, of some types (empty: every type). */
    public record Selection(long tenantId, Long deploymentId, Set<EventType> types) {
    }

    /** Positions handed out so far, and the highest deleted by retention. */
    public record Bounds(long lastSeq, long prunedThrough) {
    }

    public Bounds bounds() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select last_seq, pruned_through from event_sequence where id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return new Bounds(row.getLong(1), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event positions: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} events of the selection after {@code after} and up to {@code upTo}, in position order. */
    public List<SequencedEvent> after(Selection selection, long after, long upTo, int limit) {
        StringBuilder sql = new StringBuilder("select seq, tenant_id, deployment_id, node_id, type, data, created_at from events"
                + " where tenant_id = ? and seq > ? and seq <= ?");
        if (selection.deploymentId() != null) {
            sql.append(" and deployment_id = ?");
        }
        if (!selection.types().isEmpty()) {
            sql.append(" and type in (").append(String.join(", ", selection.types().stream().map(t -> "?").toList())).append(')');
        }
        sql.append(" order by seq");
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            select.setLong(index++, selection.tenantId());
            select.setLong(index++, after);
            select.setLong(index++, upTo);
            if (selection.deploymentId() != null) {
                select.setLong(index++, selection.deploymentId());
            }
            for (EventType type : selection.types()) {
                select.setString(index++, type.wireName());
            }
            select.setMaxRows(limit);
            List<SequencedEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new SequencedEvent(rows.getLong(1), rows.getLong(2), EventSequencer.nullable(rows, 3),
                            EventSequencer.nullable(rows, 4), rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant()));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events: " + e.getMessage(), e);
        }
    }

    /** The event at this position, if it is still kept (a webhook delivery reads its event when it sends it). */
    public java.util.Optional<SequencedEvent> at(long seq) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select seq, tenant_id, deployment_id, node_id, type, data, created_at from events where seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new SequencedEvent(rows.getLong(1), rows.getLong(2), EventSequencer.nullable(rows, 3),
                        EventSequencer.nullable(rows, 4), rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read event " + seq + ": " + e.getMessage(), e);
        }
    }
}
