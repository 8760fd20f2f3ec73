package io.lodestar.warden.link;

import io.lodestar.protocol.v1.TaskUpdate;

/** Where task updates go: the current link stream, if there is one. */
public interface UpdateSink {

    /** Sends the update if the link is up; otherwise drops it (terminal updates are in the journal). */
    void send(TaskUpdate update);
}
