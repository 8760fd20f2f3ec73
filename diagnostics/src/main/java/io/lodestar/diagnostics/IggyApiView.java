package io.lodestar.diagnostics;

import java.time.Instant;
import java.util.List;

/**
 * What the Iggy runtimes said about themselves through their own APIs, as the Warden read them with
 * its credentials: the server's message count over the last reads, its {@code /cluster/metadata}, and
 * the connectors' statuses. A part the Warden could not read is named in {@code unseen}.
 *
 * @param messages the server's {@code messages_count} at each recent read, oldest first
 * @param cluster the members of the cluster as this node's server sees them; empty when unknown
 * @param connectors the connectors runtime's connectors; empty when unknown or none
 * @param unseen why a part could not be read ("no Iggy personal access token is configured"), empty when all was
 */
public record IggyApiView(List<MessageCount> messages, List<ClusterMember> cluster, List<Connector> connectors,
                          List<String> unseen) {

    public IggyApiView {
        messages = List.copyOf(messages);
        cluster = List.copyOf(cluster);
        connectors = List.copyOf(connectors);
        unseen = List.copyOf(unseen);
    }

    public record MessageCount(Instant at, long messages, long clients) {
    }

    public record ClusterMember(String name, String role, String status) {
    }

    public record Connector(String key, String type, String status, String lastError) {
    }

    /** Nothing read: the Warden has no view of the runtimes' APIs. */
    public static IggyApiView none(String why) {
        return new IggyApiView(List.of(), List.of(), List.of(), List.of(why));
    }
}
