package io.lodestar.supervisor.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.RecordedEntity;

@Entity
@Table(name = "environments")
public class Environment extends RecordedEntity {
    @Column(name = "tenant_id")
    public long tenantId;
    @Column(name = "division_id")
    public long divisionId;
    public String name;

    /** The tenant › division › environment this environment stands for, as carried by every record. */
    public Scope scope() {
        return new Scope(tenantId, divisionId, id);
    }
}
