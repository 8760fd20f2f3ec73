package io.lodestar.supervisor.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.lodestar.supervisor.common.RecordedEntity;

/** A record that lives in the tenant › division › environment hierarchy and carries its three ids besides its own id and creation time. */
@MappedSuperclass
public abstract class ScopedEntity extends RecordedEntity {
    @Column(name = "tenant_id")
    public long tenantId;
    @Column(name = "division_id")
    public long divisionId;
    @Column(name = "environment_id")
    public long environmentId;

    public Scope scope() {
        return new Scope(tenantId, divisionId, environmentId);
    }

    public void placeIn(Scope scope) {
        tenantId = scope.tenantId();
        divisionId = scope.divisionId();
        environmentId = scope.environmentId();
    }
}
