package io.lodestar.supervisor.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Reads operations within a tenant; another tenant's operation is simply not found. */
@ApplicationScoped
public class OperationQueries {

    /** Which operations a list shows; every present filter must match. */
    public record Filters(Optional<Long> deploymentId, Optional<Long> agentId, Optional<OperationType> type) {
    }

    public Operation get(long tenantId, long operationId) {
        Operation operation = Operation.<Operation>find("id = ?1 and tenantId = ?2", operationId, tenantId).firstResult();
        if (operation == null) {
            throw new DomainException.NotFound("Operation " + operationId + " was not found.");
        }
        return operation;
    }

    public OperationView view(Operation operation) {
        Operation rolledBack = operation.rollbackOf == null ? null : Operation.findById(operation.rollbackOf);
        return OperationView.of(operation, rolledBack);
    }

    /** Newest first. */
    public Page<OperationView> list(long tenantId, Filters filters, PageRequest request) {
        Where where = Where.of("tenantId = :tenant", "tenant", tenantId)
                .and(filters.deploymentId(), "deploymentId = :deployment", "deployment")
                .and(filters.agentId(), "agentId = :agent", "agent")
                .and(filters.type(), "type = :type", "type");
        PanacheQuery<Operation> query = Operation.find(where.newestFirst(), where.params());
        List<Operation> rows = request.rows(query);
        Set<Long> rolledBackIds = rows.stream().map(o -> o.rollbackOf).filter(id -> id != null).collect(Collectors.toSet());
        Map<Long, Operation> rolledBack = rolledBackIds.isEmpty() ? Map.of()
                : Operation.<Operation>list("id in ?1", rolledBackIds).stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return Page.of(rows, query.count(), request, o -> OperationView.of(o, o.rollbackOf == null ? null : rolledBack.get(o.rollbackOf)));
    }

    /** The operation's log, oldest line first, each line prefixed with its RFC 3339 time. */
    public List<String> log(long operationId) {
        return OperationLogLine.<OperationLogLine>list("operationId = ?1 order by id", operationId).stream()
                .map(line -> io.lodestar.supervisor.common.Times.format(line.loggedAt) + " " + line.line).toList();
    }
}
