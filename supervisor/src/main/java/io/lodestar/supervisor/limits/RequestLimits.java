package io.lodestar.supervisor.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.DomainException;

/** Limits on what one request may ask for, checked where the request is read. */
@ApplicationScoped
public class RequestLimits {

    @Inject
    LimitsConfig config;

    /** Refuses (400) a request naming more nodes than {@code supervisor.limits.nodes-per-request}. */
    public void nodes(int count, String field) {
        int max = config.nodesPerRequest();
        if (count > max) {
            throw new DomainException.Invalid(field + " names " + count + " nodes; one request may name at most " + max
                    + ". Split it into several requests.");
        }
    }
}
