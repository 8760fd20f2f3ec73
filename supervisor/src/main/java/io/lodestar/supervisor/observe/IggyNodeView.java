package io.lodestar.supervisor.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.IggyFigures;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.supervisor.common.Times;

/**
 * Iggy's own view of a node, from its Warden's newest heartbeat: the server's figures (its {@code /stats}),
 * the cluster as the server sees it, each connector's status, and what the Warden could not see and why.
 *
 * @param at when the Warden read the server's figures
 * @param unseen per runtime, why part of its view is missing ("no Iggy personal access token is configured")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IggyNodeView(String at, Figures server, List<Member> cluster, List<Connector> connectors,
        Map<String, String> unseen) {

    public record Figures(long streams, long topics, long partitions, long segments, long messages, long clients) {
    }

    public record Member(String name, String role, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Connector(String key, String name, String type, String status,
            @JsonProperty("last_error") String lastError) {
    }

    /** The view in a heartbeat; empty when it has no runtimes. */
    static Optional<IggyNodeView> of(Heartbeat heartbeat) {
        if (heartbeat.getRuntimesCount() == 0) {
            return Optional.empty();
        }
        String at = null;
        Figures server = null;
        List<Member> cluster = new ArrayList<>();
        List<Connector> connectors = new ArrayList<>();
        Map<String, String> unseen = new LinkedHashMap<>();
        for (RuntimeStatus status : heartbeat.getRuntimesList()) {
            String runtime = RuntimeName.fromProto(status.getRuntime()).map(RuntimeName::wireName).orElse("unknown");
            if (status.hasIggy()) {
                IggyFigures f = status.getIggy();
                server = new Figures(f.getStreams(), f.getTopics(), f.getPartitions(), f.getSegments(), f.getMessages(),
                        f.getClients());
                at = Times.format(java.time.Instant.ofEpochMilli(f.getReadAtMs()));
            }
            status.getClusterList().forEach(m -> cluster.add(new Member(m.getName(), m.getRole(), m.getStatus())));
            status.getConnectorsList().forEach(c -> connectors.add(new Connector(c.getKey(), c.getName(), c.getType(),
                    c.getStatus(), c.getLastError())));
            if (!status.getApiUnseen().isEmpty()) {
                unseen.put(runtime, status.getApiUnseen());
            }
        }
        return Optional.of(new IggyNodeView(at, server, cluster, connectors, unseen.isEmpty() ? null : unseen));
    }
}
