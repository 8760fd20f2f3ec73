package io.lodestar.supervisor.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.RecordedEntity;

@Entity
@Table(name = "divisions")
public class Division extends RecordedEntity {
    @Column(name = "tenant_id")
    public long tenantId;
    public String name;
}
