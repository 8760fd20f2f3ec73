package io.lodestar.supervisor.common;

import java.util.Map;

/** The one table from exception class to HTTP status; a subclass takes its nearest mapped ancestor's status. */
public final class ProblemStatusMap {

    private static final Map<Class<? extends Throwable>, Integer> STATUS = Map.of(
            DomainException.Conflict.class, 409,
            DomainException.Forbidden.class, 403,
            DomainException.IllegalTransition.class, 409,
            DomainException.Invalid.class, 400,
            DomainException.NotFound.class, 404,
            DomainException.TooManyRequests.class, 429,
            DomainException.Unauthenticated.class, 401);

    private ProblemStatusMap() {
    }

    public static int statusOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            Integer status = STATUS.get(type);
            if (status != null) {
                return status;
            }
        }
        return 500;
    }
}
