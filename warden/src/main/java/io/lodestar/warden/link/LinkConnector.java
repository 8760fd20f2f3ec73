package io.lodestar.warden.link;

/** Opens a new link stream to the Supervisor. */
public interface LinkConnector {

    LinkStream open();
}
