package io.lodestar.supervisor.tenancy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Times;

/** An API key as the API shows it: never its hash; the secret ({@code key}) only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ApiKeyView(
        long id,
        @JsonProperty("tenant_id") long tenantId,
        String name,
        @JsonProperty("key_prefix") String keyPrefix,
        List<String> permissions,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("expires_at") @JsonInclude(JsonInclude.Include.ALWAYS) String expiresAt,
        @JsonProperty("revoked_at") @JsonInclude(JsonInclude.Include.ALWAYS) String revokedAt,
        /** The secret, present only when the key was just created. */
        String key) {

    public static ApiKeyView of(ApiKey key) {
        return withSecret(key, null);
    }

    static ApiKeyView withSecret(ApiKey key, String secret) {
        return new ApiKeyView(key.id, key.tenantId, key.name, key.keyPrefix,
                key.permissionSet().stream().map(Permission::wireName).sorted().toList(),
                Times.format(key.createdAt), Times.format(key.expiresAt), Times.format(key.revokedAt), secret);
    }
}
