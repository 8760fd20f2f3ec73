package io.lodestar.warden.snapshot;

import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.WardenFacts;
import io.lodestar.protocol.RuntimeName;
import io.lodestar.warden.config.WardenConfig;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What the checks know about this node: the Warden's view of its runtimes (paths from its configuration). */
public final class NodeDiagnostics {

    private NodeDiagnostics() {
    }

    public static HostContext.Builder context(WardenConfig config, long nodeId, String wardenVersion, Instant startedAt) {
        WardenConfig.RuntimeConfig iggy = config.runtimes().iggy();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(iggy.environment());
        iggy.env().ifPresent(entries -> entries.forEach(entry -> {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
            }
        }));
        iggy.configPath().ifPresent(path -> env.put(RuntimeName.IGGY.configPathVariable(), path.toString()));
        HostContext.Builder builder = HostContext.builder().environment(env);
        IggySettings settings = builder.build().iggy();
        // The runtime resolves relative paths against its working directory, and so do we.
        IggySettings onThisNode = settings.withDataDir(iggy.workingDir().resolve(settings.dataDir()))
                .withConfigPath(iggy.workingDir().resolve(settings.configPath()))
                .withPingUri(URI.create(iggy.healthUrl()));
        return builder.iggy(onThisNode).nodeId(Long.toString(nodeId))
                .warden(new WardenFacts(wardenVersion, startedAt, null));
    }
}
