package io.lodestar.supervisor.observe;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.common.Runtimes;

/** What a caller asked of a deployment's logs, checked: the nodes, the runtime, how many lines, since when. */
public record LogQuery(List<Long> nodes, RuntimeName runtime, int lines, Optional<Instant> since) {

    public static final int MAX_LINES = 5000;
    public static final int DEFAULT_LINES = 200;

    public static LogQuery parse(List<Long> deploymentNodes, long deploymentId, String nodeId, String runtime, String lines,
            String since) {
        List<Long> nodes = deploymentNodes;
        if (nodeId != null && !nodeId.isBlank()) {
            long node = PathIds.parse(nodeId, "node_id");
            if (!deploymentNodes.contains(node)) {
                throw new DomainException.Invalid("Node " + node + " is not part of deployment " + deploymentId
                        + ". Its nodes are " + deploymentNodes + ".");
            }
            nodes = List.of(node);
        }
        RuntimeName name = runtime == null || runtime.isBlank() ? RuntimeName.IGGY : Runtimes.parse(runtime);
        int count = DEFAULT_LINES;
        if (lines != null && !lines.isBlank()) {
            try {
                count = Integer.parseInt(lines.trim());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_LINES) {
                throw new DomainException.Invalid("lines must be a whole number between 1 and " + MAX_LINES + "; got '" + lines + "'.");
            }
        }
        Optional<Instant> from = Optional.empty();
        if (since != null && !since.isBlank()) {
            try {
                from = Optional.of(Instant.parse(since.trim()));
            } catch (DateTimeParseException e) {
                throw new DomainException.Invalid("since must be an RFC 3339 UTC time such as 2026-01-31T12:00:00Z; got '" + since + "'.");
            }
        }
        return new LogQuery(nodes, name, count, from);
    }

    LogRequest.Builder request(boolean follow) {
        return LogRequest.newBuilder().setRuntime(runtime.proto()).setLines(lines)
                .setSinceMs(since.map(Instant::toEpochMilli).orElse(0L)).setFollow(follow);
    }
}
