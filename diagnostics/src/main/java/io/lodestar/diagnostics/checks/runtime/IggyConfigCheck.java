package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.SupervisorLink;
import java.util.Map;

public final class IggyConfigCheck extends ConfigFileCheck {

    public IggyConfigCheck() {
        super("runtime.iggy.config", "Iggy server config", HostContext::iggy, SupervisorLink::appliedIggyConfigSha256);
    }

    @Override
    void describe(HostContext context, Map<String, String> values, CheckResult.Builder result) {
        result.detail("system.path", values.getOrDefault("system.path", "local_data (default)"));
        for (String transport : new String[] {"tcp", "quic", "http", "websocket"}) {
            result.detail(transport, values.getOrDefault(transport + ".enabled", "default") + " at "
                    + values.getOrDefault(transport + ".address", "default address"));
        }
    }
}
