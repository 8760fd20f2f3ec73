package io.lodestar.supervisor.common;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;

/** Writes every error as {@code application/problem+json}; 5xx are logged at ERROR, 4xx at DEBUG. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domain(DomainException error, UriInfo uri) {
        int status = ProblemStatusMap.statusOf(error);
        Log.debugf("%d on %s: %s", status, uri.getPath(), error.getMessage());
        Problem problem = Problem.of(status, error.getMessage(), uri.getPath());
        if (error.extensions().isEmpty()) {
            return problem.toResponse();
        }
        java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("type", problem.type());
        document.put("title", problem.title());
        document.put("status", problem.status());
        document.put("detail", problem.detail());
        document.put("instance", problem.instance());
        document.putAll(error.extensions());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(document).build();
    }

    /** A body that is not JSON, or whose fields are not of their type: 400 naming the field. */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException error, UriInfo uri) {
        return badBody(error, uri);
    }

    /** Declared apart from its superclass's mapper so that it, and not the extension's plain-text one, answers. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException error, UriInfo uri) {
        return badBody(error, uri);
    }

    /** Bean Validation of a request: 400 naming each field and why; on a return value it is our bug (500). */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException error, UriInfo uri) {
        if (ViolationProblems.onReturnValue(error.getConstraintViolations())) {
            return unexpected(error, uri);
        }
        String detail = ViolationProblems.detail(error.getConstraintViolations());
        Log.debugf("400 on %s: %s", uri.getPath(), detail);
        return Problem.of(400, detail, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException error, UriInfo uri) {
        int status = error.getResponse().getStatus();
        if (status == 400 && error.getCause() instanceof JsonProcessingException json) {
            return badBody(json, uri); // the JSON reader wraps parse errors
        }
        String detail = switch (status) {
            case 404 -> Problem.nothingAt(uri.getPath());
            case 405 -> "This path does not accept that method" + allowed(error) + ".";
            case 415 -> Problem.SEND_JSON;
            case 406 -> "This API answers with application/json only.";
            default -> status >= 500 ? "The Supervisor failed to handle the request; see its log." : error.getMessage();
        };
        if (status >= 500) {
            Log.errorf(error, "%d on %s", status, uri.getPath());
        }
        return Problem.of(status, detail, uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception error, UriInfo uri) {
        Log.errorf(error, "500 on %s", uri.getPath());
        return Problem.of(500, "The Supervisor failed to handle the request; see its log.", uri.getPath())
                .toResponse();
    }

    private static Response badBody(JsonProcessingException error, UriInfo uri) {
        String detail = BindingProblems.detail(error);
        Log.debugf("400 on %s: %s", uri.getPath(), detail);
        return Problem.of(400, detail, uri.getPath()).toResponse();
    }

    private static String allowed(WebApplicationException error) {
        if (error instanceof NotAllowedException && !error.getResponse().getAllowedMethods().isEmpty()) {
            return "; allowed: " + String.join(", ", error.getResponse().getAllowedMethods());
        }
        return "";
    }
}
