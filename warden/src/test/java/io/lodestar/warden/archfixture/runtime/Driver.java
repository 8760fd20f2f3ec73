package io.lodestar.warden.archfixture.runtime;

import io.lodestar.warden.archfixture.config.Settings;
import io.lodestar.warden.archfixture.link.Session;

/** The deliberate fault: a runtime driver that reaches up into the link. */
public final class Driver {

    public String start() {
        return new Settings().command() + " started on " + new Session().address();
    }
}
