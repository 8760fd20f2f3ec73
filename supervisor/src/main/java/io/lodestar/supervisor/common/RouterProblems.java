package io.lodestar.supervisor.common;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers the client errors that Vert.x and Quarkus raise before JAX-RS sees the request (a body past
 * {@code quarkus.http.limits.max-body-size}, a method no route takes, …) as {@code application/problem+json},
 * like every other error of the API. JAX-RS' own are written by {@link ProblemMappers}.
 */
@ApplicationScoped
public class RouterProblems {

    private static final List<Integer> STATUSES = List.of(400, 404, 405, 406, 411, 413, 414, 415, 431);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBody;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        STATUSES.forEach(status -> router.errorHandler(status, context -> answer(context, status)));
    }

    private void failed(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 400 && status < 500 && !context.response().headWritten()) {
            answer(context, status);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, int status) {
        if (context.response().headWritten()) {
            return;
        }
        Problem.of(status, detail(context, status), context.request().path()).send(context.response());
    }

    /** What the caller can do about it. */
    private String detail(RoutingContext context, int status) {
        return switch (status) {
            case 400 -> "The request is not well-formed HTTP; check its request line, headers and body.";
            case 404 -> Problem.nothingAt(context.request().path());
            case 405 -> "This path does not accept the " + context.request().method().name() + " method.";
            case 411 -> "Send the request body with a Content-Length header.";
            case 406 -> "This API answers with application/json (errors with application/problem+json); accept one of them.";
            case 413 -> "The request body is larger than the " + maxBody.map(MemorySize::asLongValue).orElse(0L)
                    + " bytes the Supervisor accepts (quarkus.http.limits.max-body-size); send a smaller body.";
            case 414 -> "The request line is too long; shorten the path and query.";
            case 415 -> Problem.SEND_JSON;
            case 431 -> "The request headers are too large; send fewer or shorter headers.";
            default -> "The request was refused (" + status + ").";
        };
    }
}
