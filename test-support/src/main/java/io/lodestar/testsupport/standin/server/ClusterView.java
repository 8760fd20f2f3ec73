package io.lodestar.testsupport.standin.server;

import io.lodestar.testsupport.standin.config.ClusterConfig;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /cluster/metadata}: {@code {"name", "nodes": [{"name", "ip", "endpoints": {"tcp",
 * "quic", "http", "websocket"}, "role": "leader"|"follower", "status": "healthy"|…}]}}
 * ({@code ClusterMetadata}, {@code ClusterNode}, {@code TransportEndpoints} in
 * {@code core/common/src/types/cluster/}), built as {@code cluster_metadata} in
 * {@code core/server/src/cluster_meta.rs:108-146} builds it: in cluster mode one entry per roster
 * node, every one {@code healthy} (line 122: the status is not probed), the primary of the current
 * view {@code leader} and the others {@code follower} ({@code role_for}, line 164); outside cluster
 * mode the name {@code single-node} and one node {@code iggy-node}, leader (lines 40-44, 134-145).
 * The stand-in has no consensus: its view stays 0, whose primary is replica 0.
 */
final class ClusterView {

    /** {@code SINGLE_NODE_CLUSTER_NAME} and {@code SELF_NODE_NAME}, cluster_meta.rs:40-44. */
    static final String SINGLE_NODE_CLUSTER_NAME = "single-node";
    static final String SELF_NODE_NAME = "iggy-node";

    /** VSR's primary of view v is v % replica_count; the stand-in stays in view 0. */
    private static final int PRIMARY_OF_VIEW_ZERO = 0;

    private ClusterView() {
    }

    static Map<String, Object> metadata(RuntimeConfig config) {
        ClusterConfig cluster = config.cluster();
        List<Map<String, Object>> nodes = new ArrayList<>();
        if (!cluster.enabled() || cluster.nodes().isEmpty()) {
            Map<String, Object> self = new LinkedHashMap<>();
            self.put("name", SELF_NODE_NAME);
            self.put("ip", config.listener("tcp").map(l -> l.address().host()).orElse("127.0.0.1"));
            self.put("endpoints", Map.of(
                    "tcp", port(config, "tcp"), "quic", port(config, "quic"),
                    "http", port(config, "http"), "websocket", port(config, "websocket")));
            self.put("role", "leader");
            self.put("status", "healthy");
            nodes.add(self);
            return Map.of("name", SINGLE_NODE_CLUSTER_NAME, "nodes", nodes);
        }
        for (ClusterConfig.Node node : cluster.nodes()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", node.name());
            view.put("ip", node.ip());
            Map<String, Object> endpoints = new LinkedHashMap<>();
            for (String transport : List.of("tcp", "quic", "http", "websocket")) {
                endpoints.put(transport, node.port(transport).orElse(0));
            }
            view.put("endpoints", endpoints);
            view.put("role", node.replicaId() == PRIMARY_OF_VIEW_ZERO ? "leader" : "follower");
            view.put("status", "healthy");
            nodes.add(view);
        }
        return Map.of("name", cluster.name(), "nodes", nodes);
    }

    private static int port(RuntimeConfig config, String section) {
        return config.listener(section).map(l -> l.address().port()).orElse(0);
    }
}
