package io.lodestar.supervisor.common;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row with an application-assigned id (see {@link Ids}) and the moment it was created: the two
 * columns, {@code id} and {@code created_at}, that most tables share with the same meaning.
 */
@MappedSuperclass
public abstract class RecordedEntity extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "created_at")
    public Instant createdAt;
}
