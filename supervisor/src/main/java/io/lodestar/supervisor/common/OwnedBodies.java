package io.lodestar.supervisor.common;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Validates a body after the route has checked that the resource in its path is the caller's: another
 * tenant's deployment is a 404 whatever the body says, as every path id (the access matrix holds every
 * route to that). Routes without such a check take {@code @Valid} on the parameter instead.
 */
@ApplicationScoped
public class OwnedBodies {

    @Inject
    Validator validator;

    /** The body, once valid; an absent body is a 400 with {@code absent} as its detail. */
    public <T> T valid(T body, String absent) {
        if (body == null) {
            throw new DomainException.Invalid(absent);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
