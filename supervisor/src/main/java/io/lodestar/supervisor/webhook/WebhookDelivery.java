package io.lodestar.supervisor.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.common.RecordedEntity;

/** One event for one webhook: pending until delivered, or failed once its retries ran out. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends RecordedEntity {
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    @Column(name = "webhook_id")
    public long webhookId;
    @Column(name = "event_seq")
    public long eventSeq;
    @Column(name = "event_type")
    public String eventType;
    public String status;
    public int attempts;
    @Column(name = "answer_code")
    public Integer answerCode;
    @FreeText
    @Column(name = "last_error", length = 2000)
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "first_failed_at")
    public Instant firstFailedAt;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
