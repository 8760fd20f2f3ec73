package io.lodestar.supervisor.common;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A request's log lines carry the deployment and node (agent) its path names, as {@code deployment_id} and {@code node_id}. */
public class LogContextFilter {

    /** Path parameter → MDC key. */
    private static final Map<String, String> KEYS = Map.of("deployment_id", LogContext.DEPLOYMENT_ID, "agent_id",
            LogContext.NODE_ID);

    @ServerRequestFilter
    void putIds(ContainerRequestContext request) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        KEYS.forEach((parameter, key) -> {
            String value = path.getFirst(parameter);
            if (value != null) {
                MDC.put(key, value);
            }
        });
    }

    @ServerResponseFilter
    void removeIds() {
        KEYS.values().forEach(MDC::remove);
    }
}
