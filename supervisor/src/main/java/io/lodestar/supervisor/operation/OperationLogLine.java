package io.lodestar.supervisor.operation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of an operation's log, written by the Supervisor as the job goes. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "operation_log_lines")
public class OperationLogLine extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "operation_id")
    public long operationId;
    @Column(name = "logged_at")
    public Instant loggedAt;
    @FreeText
    @Column(length = 2000)
    public String line;
}
