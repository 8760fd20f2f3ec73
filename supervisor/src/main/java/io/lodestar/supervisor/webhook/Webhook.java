package io.lodestar.supervisor.webhook;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import io.lodestar.supervisor.common.FreeText;
import io.lodestar.supervisor.common.FreeTextBound;
import io.lodestar.supervisor.common.RecordedEntity;
import io.lodestar.supervisor.events.EventType;

/** A URL that gets a tenant's events of some types, signed with its secret. */
@Entity
@EntityListeners(FreeTextBound.class)
@Table(name = "webhooks")
public class Webhook extends RecordedEntity {
    static final String ACTIVE = "active";
    static final String DISABLED = "disabled";

    @Column(name = "tenant_id")
    public long tenantId;
    public String url;
    /** Space-separated wire names; empty: every type. */
    @Column(name = "event_types")
    public String eventTypes;
    /** Kept as given out: the Supervisor signs with it (a hash could not sign). */
    public String secret;
    public String status;
    @FreeText
    @Column(name = "disabled_reason", length = 2000)
    public String disabledReason;
    @Column(name = "author_id")
    public long authorId;

    Set<String> types() {
        return eventTypes.isBlank() ? Set.of() : Arrays.stream(eventTypes.split(" ")).collect(Collectors.toSet());
    }

    boolean wants(String type) {
        return types().isEmpty() ? !EventType.WEBHOOK_TEST.wireName().equals(type) : types().contains(type);
    }

    static String encode(Set<EventType> types) {
        return types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(" "));
    }
}
