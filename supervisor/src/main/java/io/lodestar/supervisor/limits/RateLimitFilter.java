package io.lodestar.supervisor.limits;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lodestar.supervisor.common.Problem;
import io.lodestar.supervisor.tenancy.Caller;

/**
 * Rate limits every authenticated call by its key (after the key filter, so an unknown key costs no
 * bucket): a 429 with {@code Retry-After} past the quota, and the {@code RateLimit-Policy} and
 * {@code RateLimit} fields on every answer, refused or not.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    Caller caller;

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public Optional<Response> limit(ContainerRequestContext request) {
        Long apiKeyId = caller.keyIdOrNull();
        if (apiKeyId == null) {
            return Optional.empty();
        }
        Optional<RateLimiter.Decision> decision = limiter.take(apiKeyId, RateClass.of(request.getMethod()));
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        request.setProperty(DECISION, decision.get());
        if (decision.get().allowed()) {
            return Optional.empty();
        }
        RateLimiter.Decision refused = decision.get();
        long retryAfter = refused.take().retryAfterSeconds();
        String detail = "This API key used its " + refused.quota() + " " + refused.rateClass().wireName()
                + " requests per " + refused.windowSeconds() + "s; retry in " + retryAfter
                + "s (Retry-After). Reads and writes have separate quotas; see the RateLimit header.";
        return Optional.of(Response.fromResponse(Problem.of(429, detail, "/" + request.getUriInfo().getPath()
                .replaceFirst("^/", "")).toResponse()).header("Retry-After", retryAfter).build());
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle("RateLimit-Policy", decision.policy());
            response.getHeaders().putSingle("RateLimit", decision.current());
        }
    }
}
