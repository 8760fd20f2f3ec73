package io.lodestar.supervisor.tenancy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Names;

/** The request bodies of the tenancy and key routes. */
public final class TenancyBodies {

    static final String BODY_REQUIRED = "The request body is required: send {\"name\":\"…\"} and the fields the API reference lists.";

    private TenancyBodies() {
    }

    /** {@code {"name":…, "plan":"basic|pro|enterprise"}}; the plan defaults to basic. */
    public record NewTenant(
            @JsonProperty("name")
            @NotNull(message = NewTenant.NAME) @Pattern(regexp = Names.NOT_BLANK, message = NewTenant.NAME)
            @Size(max = Names.MAX_LENGTH, message = NewTenant.NAME)
            String name,
            @JsonProperty("plan")
            @Schema(description = "basic, pro or enterprise.", defaultValue = "basic")
            String plan) {

        static final String NAME = "is required: a tenant name of 1 to " + Names.MAX_LENGTH + " characters";
    }

    public record NewDivision(
            @JsonProperty("name")
            @NotNull(message = NewDivision.NAME) @Pattern(regexp = Names.NOT_BLANK, message = NewDivision.NAME)
            @Size(max = Names.MAX_LENGTH, message = NewDivision.NAME)
            String name) {

        static final String NAME = "is required: a division name of 1 to " + Names.MAX_LENGTH + " characters";
    }

    /** {@code {"name":…, "division_id":…?}}; the division defaults to the tenant's first. */
    public record NewEnvironment(
            @JsonProperty("name")
            @NotNull(message = NewEnvironment.NAME) @Pattern(regexp = Names.NOT_BLANK, message = NewEnvironment.NAME)
            @Size(max = Names.MAX_LENGTH, message = NewEnvironment.NAME)
            String name,
            @JsonProperty("division_id")
            @Schema(description = "The division; the tenant's first when omitted.", example = "610809900976570889")
            Long divisionId) {

        static final String NAME = "is required: an environment name of 1 to " + Names.MAX_LENGTH + " characters";
    }

    /** {@code {"name":…, "permissions":[…], "expires_at":"…"?}}. */
    public record NewApiKey(
            @JsonProperty("name")
            @NotNull(message = NewApiKey.NAME) @Pattern(regexp = Names.NOT_BLANK, message = NewApiKey.NAME)
            @Size(max = Names.MAX_LENGTH, message = NewApiKey.NAME)
            String name,
            @JsonProperty("permissions")
            @Schema(required = true, description = "Permission names such as deployment:read.", example = "[\"deployment:read\"]")
            List<String> permissions,
            @JsonProperty("expires_at")
            @Schema(format = "date-time", description = "RFC 3339 UTC time; the key never expires when omitted.",
                    example = "2027-01-31T00:00:00Z")
            String expiresAt) {

        static final String NAME = "is required: an API key name of 1 to " + Names.MAX_LENGTH + " characters";
    }

    static String permissionNames() {
        return Arrays.stream(Permission.values()).map(Permission::wireName).collect(Collectors.joining(", "));
    }
}
