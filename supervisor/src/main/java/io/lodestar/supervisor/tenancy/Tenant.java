package io.lodestar.supervisor.tenancy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "tenants")
public class Tenant extends PanacheEntityBase {
    @Id
    public Long id;
    public String name;
    /** basic | pro | enterprise: sets the snapshot limits. */
    public String plan;
    @Column(name = "created_at")
    public Instant createdAt;
}
