package io.lodestar.supervisor.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.common.RecordedEntity;

/**
 * One state-changing request, allowed or refused: who, what, on which target, how it ended, when.
 * It holds no body, so never a secret. {@code tenant_id} and {@code api_key_id} are null when the
 * request carried no usable key (such rows are kept for operators, not shown through the API).
 */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "audit_events")
public class AuditEvent extends RecordedEntity {
    /** The size of {@code route}; {@code action} has room for a method besides. */
    public static final int ROUTE_LENGTH = 300;

    @Column(name = "tenant_id")
    public Long tenantId;
    @Column(name = "api_key_id")
    public Long apiKeyId;
    public String method;
    /** The route template, such as {@code /deployments/{deployment_id}/scale}; the path itself when no route matched. */
    @FreeText
    @Column(length = ROUTE_LENGTH)
    public String route;
    /** {@code METHOD route}: what the audit filter {@code action} matches. */
    @FreeText
    @Column(length = 320)
    public String action;
    @Column(name = "target_id")
    public Long targetId;
    public int status;
    public String outcome;
}
