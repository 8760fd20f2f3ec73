package io.lodestar.supervisor.audit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;

/**
 * Records every state-changing request (POST, PUT, PATCH, DELETE) on any route, whatever its outcome,
 * once its answer is known, and every refused authorization (403) whatever its method, so an operator
 * sees which key tried what. Generic on purpose: a route added later is audited without a line of its own.
 */
public class AuditFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Caller caller;

    @Inject
    AuditLog log;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        if (!STATE_CHANGING.contains(method) && response.getStatus() != 403) {
            return;
        }
        String route = routeTemplate(resource).orElseGet(() -> "/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
        log.record(new AuditLog.Entry(caller.tenantIdOrNull(), caller.keyIdOrNull(), method, route,
                target(request, response), response.getStatus()));
    }

    private static java.util.Optional<String> routeTemplate(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return java.util.Optional.empty();
        }
        String base = pathOf(resource.getResourceClass().getAnnotation(Path.class));
        String sub = pathOf(method.getAnnotation(Path.class));
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return java.util.Optional.of(joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined);
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    /** The innermost id in the path, or for a creation the id of what was created. */
    private static Long target(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 201 && response.getEntity() != null && response.getEntity().getClass().isRecord()) {
            for (RecordComponent component : response.getEntity().getClass().getRecordComponents()) {
                if (component.getName().equals("id")) {
                    try {
                        return ((Number) component.getAccessor().invoke(response.getEntity())).longValue();
                    } catch (ReflectiveOperationException | ClassCastException e) {
                        break;
                    }
                }
            }
        }
        var parameters = request.getUriInfo().getPathParameters();
        List<String> names = List.copyOf(parameters.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            String value = parameters.getFirst(names.get(i));
            if (value != null && value.matches("[0-9]{1,19}")) {
                try {
                    return PathIds.parse(value, names.get(i));
                } catch (RuntimeException ignored) {
                    // not an id: keep looking
                }
            }
        }
        return null;
    }
}
