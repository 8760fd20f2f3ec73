package io.lodestar.warden.logs;

import io.lodestar.protocol.v1.LogChunk;

/** Where the answers to one log request go: the link stream it came in on, as far as logs need it. */
public interface LogReplies {

    /** Sends a chunk; false, and nothing sent, once the stream has ended. */
    boolean send(LogChunk chunk);

    /** Whether the stream has ended, which ends a follow. */
    boolean isDone();
}
