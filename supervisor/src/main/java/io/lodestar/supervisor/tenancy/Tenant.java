package io.lodestar.supervisor.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.RecordedEntity;

@Entity
@Table(name = "tenants")
public class Tenant extends RecordedEntity {
    public String name;
    /** basic | pro | enterprise: sets the snapshot limits. */
    public String plan;
}
