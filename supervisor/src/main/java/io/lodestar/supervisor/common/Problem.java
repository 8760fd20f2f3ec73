package io.lodestar.supervisor.common;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

/** An RFC 9457 problem document. */
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The 415 detail, the same from JAX-RS and from the router. */
    public static final String SEND_JSON = "Send the body as JSON with the header Content-Type: application/json.";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem of(int status, String detail, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return new Problem("about:blank", title, status, detail, instance);
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (status == 401) {
            builder.header("WWW-Authenticate", "ld-api-key");
        }
        return builder.build();
    }

    /** Ends a Vert.x response with this problem: for routes and errors outside JAX-RS; a route may name its own 401 scheme. */
    public void send(HttpServerResponse response) {
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE);
        if (status == 401 && !response.headers().contains("WWW-Authenticate")) {
            response.putHeader("WWW-Authenticate", "ld-api-key");
        }
        try {
            response.end(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }

    /** The 404 detail, the same from JAX-RS and from the router; health and metrics have a port of their own. */
    public static String nothingAt(String path) {
        if (path.startsWith("/q/health") || path.startsWith("/q/metrics")) {
            return "Health and metrics are served on the management interface, not the API port: "
                    + "its port is quarkus.management.port, 9100 by default.";
        }
        return "There is nothing at " + path + "; check the path against the API reference.";
    }
}
