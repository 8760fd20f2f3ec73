package io.lodestar.supervisor.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "divisions")
public class Division extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "tenant_id")
    public long tenantId;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
}
