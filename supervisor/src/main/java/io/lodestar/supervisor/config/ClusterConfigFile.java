package io.lodestar.supervisor.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.placement.ClusterRoster;
import io.lodestar.supervisor.placement.Deployment;

/**
 * The Iggy config of a cluster deployment: the caller's file with its {@code [cluster]} table taken out, then the
 * part Lodestar generates ({@link ClusterRoster#render}). Every replica runs the same file (Iggy tells them apart
 * only by {@code --replica-id}), so one stored version serves every node and shows what each one runs.
 */
final class ClusterConfigFile {

    private static final TomlMapper TOML = new TomlMapper();
    private static final Pattern CLUSTER_TABLE = Pattern.compile("^\\s*\\[\\s*cluster\\s*]\\s*(#.*)?$");
    private static final Pattern ROSTER_TABLE = Pattern.compile("^\\s*\\[\\[\\s*cluster\\s*\\.\\s*nodes\\s*]]");
    private static final Pattern ANY_TABLE = Pattern.compile("^\\s*\\[");
    private static final Pattern KEY = Pattern.compile("^\\s*([A-Za-z0-9_-]+)\\s*=.*$");

    private ClusterConfigFile() {
    }

    /** The content to store for a config of {@code deployment}'s iggy runtime, the caller having sent {@code content}. */
    static String compose(Deployment deployment, String content) {
        List<String> rest = new ArrayList<>();
        List<String> clusterKeys = new ArrayList<>();
        String name = deployment.clusterName;
        boolean inCluster = false;
        for (String line : content.split("\n", -1)) {
            if (ROSTER_TABLE.matcher(line).find()) {
                throw new DomainException.Invalid("content has [[cluster.nodes]] tables, but Lodestar writes the roster of "
                        + "cluster deployment " + deployment.id + " from its replicas (see \"cluster\" in GET /deployments/"
                        + deployment.id + "). Remove them; addresses and ports are set when the deployment is created.");
            }
            if (ANY_TABLE.matcher(line).find()) {
                inCluster = CLUSTER_TABLE.matcher(line).matches();
                if (inCluster) {
                    continue;
                }
            }
            if (!inCluster) {
                rest.add(line);
                continue;
            }
            var key = KEY.matcher(line);
            if (!key.matches()) {
                if (!line.isBlank()) {
                    clusterKeys.add(line);
                }
            } else if (key.group(1).equals("name")) {
                name = value(line, "cluster.name").asText();
            } else if (key.group(1).equals("enabled")) {
                if (!value(line, "cluster.enabled").asBoolean(false)) {
                    throw new DomainException.Invalid("content sets cluster.enabled to something other than true, but "
                            + "deployment " + deployment.id + " is an Iggy cluster; remove the key (Lodestar writes "
                            + "enabled = true).");
                }
            } else {
                clusterKeys.add(line);
            }
        }
        String base = String.join("\n", rest).stripTrailing();
        String generated = ClusterRoster.of(deployment).render(name, clusterKeys);
        return base.isEmpty() ? generated : base + "\n\n" + generated;
    }

    private static JsonNode value(String line, String key) {
        try {
            return TOML.readTree(line.strip()).elements().next();
        } catch (IOException | RuntimeException e) {
            throw new DomainException.Invalid("content has a " + key + " line that is not a TOML key and value; fix it and "
                    + "send the whole file again.");
        }
    }
}
