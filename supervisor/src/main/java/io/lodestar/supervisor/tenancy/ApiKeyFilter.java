package io.lodestar.supervisor.tenancy;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.lodestar.supervisor.common.Problem;

/**
 * Authenticates every API call by its {@code ld-api-key} header, or else by the web console's session
 * cookie (see {@link ConsoleSessions}), and checks the method's
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

    @Inject
    ConsoleSessions sessions;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        RequiresPermission required = resource.getResourceMethod().getAnnotation(RequiresPermission.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(RequiresPermission.class);
        }
        String presented = request.getHeaderString(HEADER);
        Optional<ApiKey> key;
        if (presented == null || presented.isBlank()) {
            Cookie cookie = request.getCookies().get(ConsoleSessions.COOKIE);
            if (cookie == null) {
                return Optional.of(Problem.of(401, "Send an API key in the ld-api-key header.", path).toResponse());
            }
            Optional<ConsoleSessions.Session> session = sessions.find(cookie.getValue());
            key = session.flatMap(sessions::keyOf);
            if (key.isEmpty()) {
                return Optional.of(Problem.of(401,
                        "The console session has ended (signed out, expired, or its key was revoked); sign in again.", path)
                        .toResponse());
            }
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !session.get().csrf().equals(request.getHeaderString(ConsoleSessions.CSRF_HEADER))) {
                // A cross-site form can carry the cookie but cannot set a header: the token proves the console sent it.
                return Optional.of(Problem.of(403, "A request signed in with the console's session cookie must send the "
                        + ConsoleSessions.CSRF_HEADER + " header holding the token GET /console/session gives.", path)
                        .toResponse());
            }
        } else {
            key = keys.findUsable(presented.trim(), clock.instant());
        }
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
