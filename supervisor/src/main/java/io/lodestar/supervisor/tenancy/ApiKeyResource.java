package io.lodestar.supervisor.tenancy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.resteasy.reactive.ResponseStatus;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;

@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.APIKEY_MANAGE)
public class ApiKeyResource {

    @Inject
    Caller caller;

    @Inject
    ApiKeyService keys;

    /** {@code {"name":…, "permissions":[…], "expires_at":"…"?}} → 201 with the key, shown this once. */
    @POST
    @ResponseStatus(201)
    public ApiKeyView create(@Valid @NotNull(message = TenancyBodies.BODY_REQUIRED) TenancyBodies.NewApiKey body) {
        if (body.permissions() == null) {
            throw new DomainException.Invalid("permissions must be an array such as [\"deployment:read\"]; the names are "
                    + TenancyBodies.permissionNames() + ".");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String entry : body.permissions()) {
            permissions.add(Permission.fromWireName(entry).orElseThrow(() -> new DomainException.Invalid(
                    "Unknown permission '" + entry + "'; use " + TenancyBodies.permissionNames() + ".")));
        }
        Optional<Instant> expiresAt = Optional.ofNullable(body.expiresAt()).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new DomainException.Invalid("expires_at must be an RFC 3339 UTC time such as 2027-01-31T00:00:00Z; got '"
                        + text + "'.");
            }
        });
        String name = body.name().trim();
        return keys.create(caller.tenantId(), caller.permissions(), new ApiKeyService.NewKey(name, permissions, expiresAt));
    }

    @GET
    public Page<ApiKeyView> list(@BeanParam PageParams paging) {
        return keys.list(caller.tenantId(), paging.toRequest());
    }

    @GET
    @Path("/{api_key_id}")
    public ApiKeyView get(@PathParam("api_key_id") String keyId) {
        return keys.get(caller.tenantId(), PathIds.parse(keyId, "api_key_id"));
    }

    /**
     * Revokes the key: from now on it is a 401. Only keys whose permissions this key holds (403), and never
     * the tenant's last key holding apikey:manage or tenant:manage (409).
     */
    @DELETE
    @Path("/{api_key_id}")
    public ApiKeyView revoke(@PathParam("api_key_id") String keyId) {
        return keys.revoke(caller.tenantId(), caller.permissions(), PathIds.parse(keyId, "api_key_id"));
    }
}
