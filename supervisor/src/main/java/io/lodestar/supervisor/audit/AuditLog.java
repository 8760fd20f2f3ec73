package io.lodestar.supervisor.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    public record Entry(Long tenantId, Long apiKeyId, String method, String route, Long targetId, int status) {
    }

    public record Filters(Optional<Long> actorId, Optional<String> action, Optional<Long> targetId,
            Optional<AuditOutcome> outcome, Optional<java.time.Instant> since, Optional<java.time.Instant> until,
            Optional<Long> beforeId) {
    }

    /**
     * Writes the entry in a transaction of its own, after the request's own transaction ended, so a refused
     * or failed request is recorded too. A request answered on the event loop (no route matched) is written
     * from a worker thread, since a database write must not block the event loop.
     */
    public void record(Entry entry) {
        AuditEvent event = new AuditEvent();
        event.id = ids.next();
        event.tenantId = entry.tenantId();
        event.apiKeyId = entry.apiKeyId();
        event.method = entry.method();
        // Cut here rather than when stored, so that the action holds the route as stored.
        event.route = FreeTextBound.cut(entry.route(), AuditEvent.ROUTE_LENGTH);
        event.action = entry.method() + " " + event.route;
        event.targetId = entry.targetId();
        event.status = entry.status();
        event.outcome = AuditOutcome.of(entry.status()).wireName();
        event.createdAt = clock.instant();
        if (Context.isOnEventLoopThread()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> write(event));
        } else {
            write(event);
        }
    }

    private static void write(AuditEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(event::persist);
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not write the audit event for %s (status %d)", event.action, event.status);
        }
    }

    public Page<AuditEventView> list(long tenantId, Filters filters, PageRequest request) {
        Where where = Where.of("tenantId = :tenant", "tenant", tenantId)
                .and(filters.actorId(), "apiKeyId = :actor", "actor")
                .and(filters.action(), "action = :action", "action")
                .and(filters.targetId(), "targetId = :target", "target")
                .and(filters.outcome().map(AuditOutcome::wireName), "outcome = :outcome", "outcome")
                .and(filters.since(), "createdAt >= :since", "since")
                .and(filters.until(), "createdAt < :until", "until")
                .and(filters.beforeId(), "id < :before", "before");
        PanacheQuery<AuditEvent> query = AuditEvent.find(where.newestFirst(), where.params());
        List<AuditEvent> rows = request.rows(query);
        return Page.bounded(rows, io.lodestar.supervisor.common.Counts.upToLimit(AuditEvent.class, where.clause(), where.params()),
                request, AuditEventView::of);
    }
}
