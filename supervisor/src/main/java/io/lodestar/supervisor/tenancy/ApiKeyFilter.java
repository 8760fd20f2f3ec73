package io.lodestar.supervisor.tenancy;

import java.time.Clock;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.lodestar.supervisor.common.Problem;

/**
 * Authenticates every API call by its {@code ld-api-key} header and checks the method's
 * {@link RequiresPermission}. A method without one is refused: access is never granted by omission.
 */
public class ApiKeyFilter {

    public static final String HEADER = "ld-api-key";

    @Inject
    Caller caller;

    @Inject
    ApiKeyRepository keys;

    @Inject
    Clock clock;

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        RequiresPermission required = resource.getResourceMethod().getAnnotation(RequiresPermission.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return Optional.of(Problem.of(401, "Send an API key in the ld-api-key header.", path).toResponse());
        }
        Optional<ApiKey> key = keys.findUsable(presented.trim(), clock.instant());
        if (key.isEmpty()) {
            return Optional.of(Problem.of(401,
                    "The API key is unknown, revoked or expired; create a new one or check the ld-api-key header.", path)
                    .toResponse());
        }
        caller.authenticate(key.get());
        if (required == null || !caller.has(required.value())) {
            String needed = required == null ? "a permission this route does not grant" : required.value().wireName();
            return Optional.of(Problem.of(403, "This API key lacks the " + needed + " permission.", path).toResponse());
        }
        return Optional.empty();
    }
}
