package io.lodestar.supervisor.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record that lives in the tenant › division › environment hierarchy and carries its three ids. */
@MappedSuperclass
public abstract class ScopedEntity extends PanacheEntityBase {
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
