package io.lodestar.testsupport.standin.server;

import io.lodestar.testsupport.standin.config.ClusterConfig;
import io.lodestar.testsupport.standin.config.RuntimeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /cluster/metadata}: {@code {"name", "nodes": [{"name", "ip", "endpoints": {"tcp",
 * "quic", "http", "websocket"}, "role": "leader"|"follower", "status": "healthy"|"unreachable"|…}]}}
 * ({@code ClusterMetadata}, {@code ClusterNode}, {@code ClusterNodeRole}, {@code ClusterNodeStatus},
 * {@code TransportEndpoints} in {@code core/common/src/types/cluster/}; handler at
 * {@code core/server/src/http/handlers.rs:650}).
 *
 * <p>Iggy takes status and role from its consensus; the stand-in has none, so it asks each peer's
 * replica port whether it is up: a peer that accepts a connection is {@code healthy}, one that does
 * not is {@code unreachable}, and the lowest reachable replica id is the {@code leader} (VSR's
 * primary in view 0 is replica 0). Outside cluster mode the one node is this server.
 */
final class ClusterView {

    private static final int PROBE_TIMEOUT_MILLIS = 300;

    private ClusterView() {
    }

    static Map<String, Object> metadata(RuntimeConfig config) {
        ClusterConfig cluster = config.cluster();
        List<Map<String, Object>> nodes = new ArrayList<>();
        if (!cluster.enabled()) {
            Map<String, Object> self = new LinkedHashMap<>();
            self.put("name", "iggy-node");
            self.put("ip", config.listener("tcp").map(l -> l.address().host()).orElse("127.0.0.1"));
            self.put("endpoints", Map.of(
                    "tcp", port(config, "tcp"), "quic", port(config, "quic"),
                    "http", port(config, "http"), "websocket", port(config, "websocket")));
            self.put("role", "leader");
            self.put("status", "healthy");
            nodes.add(self);
            return Map.of("name", cluster.name(), "nodes", nodes);
        }
        int selfId = cluster.replicaId();
        Integer leader = null;
        Map<Integer, Boolean> reachable = new LinkedHashMap<>();
        for (ClusterConfig.Node node : cluster.nodes()) {
            boolean up = node.replicaId() == selfId || reachable(node);
            reachable.put(node.replicaId(), up);
            if (up && (leader == null || node.replicaId() < leader)) {
                leader = node.replicaId();
            }
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
            view.put("role", Integer.valueOf(node.replicaId()).equals(leader) ? "leader" : "follower");
            view.put("status", reachable.get(node.replicaId()) ? "healthy" : "unreachable");
            nodes.add(view);
        }
        return Map.of("name", cluster.name(), "nodes", nodes);
    }

    private static int port(RuntimeConfig config, String section) {
        return config.listener(section).map(l -> l.address().port()).orElse(0);
    }

    private static boolean reachable(ClusterConfig.Node node) {
        Integer port = node.port("tcp_replica").or(() -> node.port("tcp")).orElse(null);
        if (port == null) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(node.ip(), port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
