package io.lodestar.supervisor.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Documented routes this version does not have yet answer 501 with a sentence saying so, instead of a
 * bare 404 that looks like a typo in the path. Each route sits in the resource of the feature it will
 * belong to, and is replaced there when the feature is built.
 */
public final class NotYetAvailable {

    private NotYetAvailable() {
    }

    public static Response problem(UriInfo uri, String what) {
        return Problem.of(501, what + " are not available in this version of the Supervisor.", uri.getPath()).toResponse();
    }
}
