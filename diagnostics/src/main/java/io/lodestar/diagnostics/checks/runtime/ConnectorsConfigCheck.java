package io.lodestar.diagnostics.checks.runtime;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.SupervisorLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

public final class ConnectorsConfigCheck extends ConfigFileCheck {

    public ConnectorsConfigCheck() {
        super("runtime.connectors.config", "Connectors runtime config", HostContext::connectors,
                SupervisorLink::appliedConnectorsConfigSha256);
    }

    /** {@code [connectors] config_dir} holds one TOML file per connector, relative to the main config. */
    @Override
    void describe(HostContext context, Map<String, String> values, CheckResult.Builder result) {
        String configDir = values.get("connectors.config_dir");
        if (configDir == null) {
            return;
        }
        Path dir = context.connectors().configPath().toAbsolutePath().getParent().resolve(configDir);
        result.detail("connectors.config_dir", dir);
        if (!Files.isDirectory(dir)) {
            result.detail("connector_files", "directory missing");
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            result.detail("connector_files", files.filter(f -> f.toString().endsWith(".toml")).count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
