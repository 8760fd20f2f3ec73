package io.lodestar.warden.runtime;

import java.net.URI;

/** One look at a runtime's liveness endpoint. */
public interface HealthProbe {

    /** @param detail for a failure, what went wrong ("connection refused", "HTTP 503") */
    record Result(boolean healthy, String detail) {
    }

    /** What a runtime that does not run answers. */
    Result NOT_RUNNING = new Result(false, "not running");

    Result check(URI url);
}
