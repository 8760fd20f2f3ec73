package io.lodestar.warden.archfixture;

import io.lodestar.warden.archfixture.link.Session;
import io.lodestar.warden.archfixture.snapshot.Snapshots;

/** The top of the fixture: puts the rest together, as the Warden's agent does. */
public final class Agent {

    public Session start() {
        new Snapshots().take();
        return new Session();
    }
}
