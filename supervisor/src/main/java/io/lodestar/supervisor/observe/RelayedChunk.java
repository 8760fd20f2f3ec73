package io.lodestar.supervisor.observe;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lodestar.protocol.v1.LogChunk;
import io.lodestar.protocol.v1.Runtime;

/**
 * A Warden's log chunk as one replica relays it to another: one JSON object per line of the internal log route's
 * answer ({@link ReplicaLogRoute}); blank lines between them only keep the connection seen alive.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RelayedChunk(List<String> lines, String error, boolean done) {

    static RelayedChunk of(LogChunk chunk) {
        return new RelayedChunk(chunk.getLinesList(), chunk.getError(), chunk.getDone());
    }

    /** The last chunk of the request: the node said so, or it could not read the log. */
    boolean last() {
        return done || (error != null && !error.isEmpty());
    }

    LogChunk toChunk(long requestId, Runtime runtime) {
        return LogChunk.newBuilder().setRequestId(requestId).setRuntime(runtime)
                .addAllLines(lines == null ? List.of() : lines).setError(error == null ? "" : error).setDone(done).build();
    }
}
