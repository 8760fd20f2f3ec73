package io.lodestar.supervisor.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.lodestar.supervisor.tenancy.ScopedEntity;

/** One immutable version of a runtime's TOML config file in a deployment; inserted, never updated. */
@Entity
@Table(name = "runtime_configs")
public class RuntimeConfig extends ScopedEntity {
    @Column(name = "deployment_id")
    public long deploymentId;
    /** iggy or connectors: the runtime whose config file this is. */
    public String runtime;
    public String name;
    /** The TOML text, as the caller sent it. */
    public String content;
    /** sha256 of the content's UTF-8 bytes, lower-case hex. */
    public String checksum;
    @Column(name = "author_id")
    public long authorId;
}
