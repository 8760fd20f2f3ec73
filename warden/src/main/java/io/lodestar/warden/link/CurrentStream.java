package io.lodestar.warden.link;

import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.WardenMessage;

/** The welcomed link stream, if any: task updates go out on it. */
public final class CurrentStream implements UpdateSink {

    private volatile LinkStream stream;

    void set(LinkStream stream) {
        this.stream = stream;
    }

    /** Forgets the stream, unless another one replaced it already. */
    void clear(LinkStream ended) {
        if (stream == ended) {
            stream = null;
        }
    }

    public boolean isConnected() {
        return stream != null;
    }

    /** Sends the message if the link is up; false when it is not (or the send failed). */
    public boolean send(WardenMessage message) {
        LinkStream current = stream;
        return current != null && current.send(message);
    }

    @Override
    public void send(TaskUpdate update) {
        LinkStream current = stream;
        if (current != null) {
            current.send(WardenMessage.newBuilder().setTaskUpdate(update).build());
        }
    }
}
