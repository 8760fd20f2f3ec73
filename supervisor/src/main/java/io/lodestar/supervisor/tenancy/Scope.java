package io.lodestar.supervisor.tenancy;

/** Where a record lives in the hierarchy; every record carries these three ids. */
public record Scope(long tenantId, long divisionId, long environmentId) {
}
