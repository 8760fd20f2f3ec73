package io.lodestar.supervisor.iggy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.ConfigFileReference;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.RuntimeStatus;

/**
 * What each node's Warden last said about its runtimes' config files (heartbeats): the file's sha256, or
 * why it could not read it, and the TLS files it names. In memory only, like presence: a write per
 * heartbeat is what overloads a store; a Supervisor that restarts knows again within one heartbeat.
 */
@ApplicationScoped
public class NodeConfigReports {

    /** One runtime's config file on one node, as last reported. */
    public record Report(String checksum, String unread, List<ConfigFileReference> files, Instant at) {

        public Optional<String> knownChecksum() {
            return checksum == null || checksum.isEmpty() ? Optional.empty() : Optional.of(checksum);
        }
    }

    private record Key(long nodeId, RuntimeName runtime) {
    }

    private final Map<Key, Report> reports = new ConcurrentHashMap<>();

    /**
     * Keeps what the heartbeat says; returns the runtimes whose file changed since the last report (a
     * different checksum, or readable where it was not), for which drift is worth checking again.
     */
    public List<RuntimeName> offer(long nodeId, Heartbeat heartbeat, Instant now) {
        List<RuntimeName> changed = new ArrayList<>();
        for (RuntimeStatus status : heartbeat.getRuntimesList()) {
            Optional<RuntimeName> runtime = RuntimeName.fromProto(status.getRuntime());
            if (runtime.isEmpty()) {
                continue;
            }
            Report fresh = new Report(status.getConfigChecksum(), status.getConfigUnread(),
                    List.copyOf(status.getConfigFilesList()), now);
            Report previous = reports.put(new Key(nodeId, runtime.get()), fresh);
            if (previous == null || !previous.checksum().equals(fresh.checksum())
                    || !previous.unread().equals(fresh.unread())) {
                changed.add(runtime.get());
            }
        }
        return changed;
    }

    /** Drops what the node last reported of this runtime's file, which is stale until its next heartbeat. */
    public void forget(long nodeId, RuntimeName runtime) {
        reports.remove(new Key(nodeId, runtime));
    }

    public Optional<Report> of(long nodeId, RuntimeName runtime) {
        return Optional.ofNullable(reports.get(new Key(nodeId, runtime)));
    }
}
