package io.lodestar.supervisor.operation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Ties a task to the operation it serves. */
@Entity
@Table(name = "operation_tasks")
public class OperationTask extends PanacheEntityBase {

    /** Why the operation sent the task. */
    public enum Purpose {
        /** Part of the job; the operation ends when all of these have. */
        WORK,
        /** A kill requested through the API. */
        KILL
    }

    @Id
    @Column(name = "task_id")
    public Long taskId;
    @Column(name = "operation_id")
    public long operationId;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
}
