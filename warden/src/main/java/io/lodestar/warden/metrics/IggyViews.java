package io.lodestar.warden.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.redact.Redactor;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.ClusterMember;
import io.lodestar.protocol.v1.ConnectorState;
import io.lodestar.protocol.v1.IggyFigures;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.warden.runtime.SecretFile;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtimes' own view of themselves, read through their APIs with the credentials of the Warden's
 * configuration and kept for the heartbeat: the server's {@code /stats} (streams, topics, partitions,
 * segments, messages, clients) and {@code /cluster/metadata}; the connectors runtime's {@code /stats}
 * (per-connector status) and {@code /sinks}, {@code /sources} (their {@code last_error}). Without
 * credentials, or when a read fails, the heartbeat says what could not be seen and why.
 */
public final class IggyViews {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** What one read saw of a runtime. */
    record View(Optional<IggyFigures> figures, List<ConnectorState> connectors, List<ClusterMember> cluster, String unseen) {
    }

    private final Map<RuntimeName, RuntimeApi> apis = new EnumMap<>(RuntimeName.class);
    private final SecretFile iggyToken;
    private final SecretFile connectorsKey;
    private final Clock clock;
    private final Map<RuntimeName, View> latest = new java.util.concurrent.ConcurrentHashMap<>();
    /** The server's message counts at its last reads, oldest first, for the "messages moving" check. */
    private final java.util.Deque<IggyApiView.MessageCount> history = new java.util.ArrayDeque<>();
    static final int HISTORY = 12;

    public IggyViews(Map<RuntimeName, String> healthUrls, SecretFile iggyToken, SecretFile connectorsKey, Clock clock) {
        healthUrls.forEach((runtime, url) -> apis.put(runtime, new RuntimeApi(RuntimeApi.baseOf(url), TIMEOUT)));
        this.iggyToken = iggyToken;
        this.connectorsKey = connectorsKey;
        this.clock = clock;
    }

    /** Reads every runtime's API once; called between heartbeats, never on the heartbeat's own path. */
    public void refresh() {
        apis.forEach((runtime, api) -> latest.put(runtime, runtime == RuntimeName.IGGY ? server(api) : connectors(api)));
        View server = latest.get(RuntimeName.IGGY);
        if (server != null && server.figures().isPresent()) {
            IggyFigures figures = server.figures().get();
            synchronized (history) {
                if (history.size() == HISTORY) {
                    history.removeFirst();
                }
                history.addLast(new IggyApiView.MessageCount(java.time.Instant.ofEpochMilli(figures.getReadAtMs()),
                        figures.getMessages(), figures.getClients()));
            }
        }
    }

    /** What the diagnostics checks know of the runtimes' own view: the last reads. */
    public IggyApiView diagnosticsView() {
        List<IggyApiView.MessageCount> counts;
        synchronized (history) {
            counts = List.copyOf(history);
        }
        List<IggyApiView.ClusterMember> members = new ArrayList<>();
        List<IggyApiView.Connector> connectors = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        latest.forEach((runtime, view) -> {
            view.cluster().forEach(m -> members.add(new IggyApiView.ClusterMember(m.getName(), m.getRole(), m.getStatus())));
            view.connectors().forEach(c -> connectors.add(new IggyApiView.Connector(c.getKey(), c.getType(), c.getStatus(),
                    c.getLastError())));
            if (!view.unseen().isEmpty()) {
                unseen.add(runtime.wireName() + ": " + view.unseen());
            }
        });
        return new IggyApiView(counts, members, connectors, unseen);
    }

    /** Whether a personal access token for the server is configured. */
    public boolean hasServerToken() {
        return iggyToken.configured();
    }

    /**
     * The server's own diagnostic ZIP: {@code POST /snapshot} with {@code {"compression":"Deflated",
     * "snapshot_types":["All"]}} (core/common/src/http/system/get_snapshot.rs; core/server/src/snapshot.rs).
     */
    public byte[] serverSnapshot() throws IOException {
        Map<String, String> auth = serverAuth().orElseThrow(() -> new IOException("no Iggy personal access token is configured"));
        RuntimeApi api = apis.get(RuntimeName.IGGY);
        if (api == null) {
            throw new IOException("the iggy runtime is not enabled on this node");
        }
        return api.post("/snapshot", auth, "{\"compression\":\"Deflated\",\"snapshot_types\":[\"All\"]}",
                Duration.ofSeconds(60));
    }

    /** The statuses with what each runtime last said about itself. */
    public List<RuntimeStatus> annotate(List<RuntimeStatus> statuses) {
        List<RuntimeStatus> out = new ArrayList<>(statuses.size());
        for (RuntimeStatus status : statuses) {
            View view = RuntimeName.fromProto(status.getRuntime()).map(latest::get).orElse(null);
            if (view == null) {
                out.add(status);
                continue;
            }
            RuntimeStatus.Builder builder = status.toBuilder().addAllConnectors(view.connectors())
                    .addAllCluster(view.cluster()).setApiUnseen(view.unseen());
            view.figures().ifPresent(builder::setIggy);
            out.add(builder.build());
        }
        return out;
    }

    /** The bearer header of the server's API, when a token is configured and readable. */
    Optional<Map<String, String>> serverAuth() throws IOException {
        return iggyToken.read().map(token -> Map.of("Authorization", "Bearer " + token));
    }

    RuntimeApi api(RuntimeName runtime) {
        return apis.get(runtime);
    }

    private View server(RuntimeApi api) {
        Optional<Map<String, String>> auth;
        try {
            auth = serverAuth();
        } catch (IOException e) {
            return unseen("the Iggy token file " + iggyToken.path().orElseThrow() + " cannot be read: " + e.getMessage());
        }
        if (auth.isEmpty()) {
            return unseen("no Iggy personal access token is configured (warden.runtimes.iggy.token-file): the server's "
                    + "/stats, /metrics and /cluster/metadata need one");
        }
        try {
            JsonNode stats = api.json("/stats", auth.get());
            IggyFigures figures = IggyFigures.newBuilder().setStreams(stats.path("streams_count").asLong())
                    .setTopics(stats.path("topics_count").asLong()).setPartitions(stats.path("partitions_count").asLong())
                    .setSegments(stats.path("segments_count").asLong()).setMessages(stats.path("messages_count").asLong())
                    .setClients(stats.path("clients_count").asLong()).setReadAtMs(clock.millis()).build();
            List<ClusterMember> members = new ArrayList<>();
            String unseen = "";
            try {
                for (JsonNode node : api.json("/cluster/metadata", auth.get()).path("nodes")) {
                    members.add(ClusterMember.newBuilder().setName(node.path("name").asText())
                            .setRole(node.path("role").asText()).setStatus(node.path("status").asText()).build());
                }
            } catch (IOException e) {
                unseen = "/cluster/metadata: " + e.getMessage();
            }
            return new View(Optional.of(figures), List.of(), members, unseen);
        } catch (IOException e) {
            return unseen("/stats: " + e.getMessage());
        }
    }

    private View connectors(RuntimeApi api) {
        Map<String, String> headers;
        try {
            headers = connectorsKey.read().map(key -> Map.of("api-key", key)).orElse(Map.of());
        } catch (IOException e) {
            return unseen("the connectors API key file cannot be read: " + e.getMessage());
        }
        try {
            Map<String, String> lastErrors = new java.util.HashMap<>();
            for (String list : List.of("/sinks", "/sources")) {
                for (JsonNode info : api.json(list, headers)) {
                    String message = info.path("last_error").path("message").asText("");
                    if (!message.isEmpty()) {
                        lastErrors.put(info.path("key").asText(), Redactor.redact(message));
                    }
                }
            }
            List<ConnectorState> connectors = new ArrayList<>();
            for (JsonNode connector : api.json("/stats", headers).path("connectors")) {
                String key = connector.path("key").asText();
                connectors.add(ConnectorState.newBuilder().setKey(key).setName(connector.path("name").asText())
                        .setType(connector.path("connector_type").asText()).setStatus(connector.path("status").asText())
                        .setLastError(lastErrors.getOrDefault(key, "")).build());
            }
            return new View(Optional.empty(), connectors, List.of(), "");
        } catch (IOException e) {
            return unseen("/stats: " + e.getMessage() + (e instanceof RuntimeApi.Refused r && r.status == 401
                    ? "; set warden.runtimes.connectors.api-key-file" : ""));
        }
    }

    private static View unseen(String why) {
        return new View(Optional.empty(), List.of(), List.of(), why);
    }

    static URI base(String healthUrl) {
        return RuntimeApi.baseOf(healthUrl);
    }
}
