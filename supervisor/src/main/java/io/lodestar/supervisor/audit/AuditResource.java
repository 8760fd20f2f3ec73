package io.lodestar.supervisor.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** The tenant's audit log, newest first; reading it is for tenant administrators ({@code tenant:manage}). */
@Path("/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Caller caller;

    @Inject
    AuditLog log;

    @GET
    @RequiresPermission(Permission.TENANT_MANAGE)
    public Page<AuditEventView> list(@BeanParam PageParams paging,
            @QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("target") String target,
            @QueryParam("outcome") String outcome, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("before_id") String beforeId) {
        PageRequest request = paging.toRequest();
        Optional<Instant> from = Optional.ofNullable(since).map(v -> time("since", v));
        Optional<Instant> to = Optional.ofNullable(until).map(v -> time("until", v));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new DomainException.Invalid("since must be before until.");
        }
        AuditLog.Filters filters = new AuditLog.Filters(
                Optional.ofNullable(actor).map(v -> PathIds.parse(v, "actor")),
                Optional.ofNullable(action).filter(v -> !v.isBlank()),
                Optional.ofNullable(target).map(v -> PathIds.parse(v, "target")),
                Optional.ofNullable(outcome).map(AuditOutcome::parse), from, to,
                Optional.ofNullable(beforeId).map(v -> PathIds.parse(v, "before_id")));
        return log.list(caller.tenantId(), filters, request);
    }

    private static Instant time(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid(name + " must be an RFC 3339 UTC time such as 2026-03-16T12:00:00Z; got '" + value + "'.");
        }
    }
}
