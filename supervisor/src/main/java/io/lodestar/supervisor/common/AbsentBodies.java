package io.lodestar.supervisor.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code curl -X POST …/activities/iggy/restart} sends no body and no Content-Type, and other clients
 * label an empty body text/plain; the seeds document that as "omit the body". A request without a body
 * is read as an absent JSON body, so it means what {@code {}} means instead of being refused as an
 * unsupported media type. A body that is there must still be labelled JSON.
 */
public class AbsentBodies {

    private static final java.util.Set<String> BODY_METHODS = java.util.Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void absentBodyIsJson(ContainerRequestContext request) {
        boolean noBody = request.getLength() <= 0 && !request.getHeaders().containsKey("Transfer-Encoding");
        if (noBody && BODY_METHODS.contains(request.getMethod())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
