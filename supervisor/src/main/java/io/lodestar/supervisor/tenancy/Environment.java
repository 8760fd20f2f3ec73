package io.lodestar.supervisor.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "environments")
public class Environment extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "tenant_id")
    public long tenantId;
    @Column(name = "division_id")
    public long divisionId;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The tenant › division › environment this environment stands for, as carried by every record. */
    public Scope scope() {
        return new Scope(tenantId, divisionId, id);
    }
}
