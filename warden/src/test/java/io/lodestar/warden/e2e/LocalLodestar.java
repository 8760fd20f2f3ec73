package io.lodestar.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code deploy/local/lodestar-local}, the README's first command, in a folder of its own and on
 * ports of its own, and reads the shell variables it writes.
 */
public final class LocalLodestar implements AutoCloseable {

    private final Path root;
    private final Path state;
    private final Map<String, String> settings;
    private Map<String, String> env = Map.of();

    /**
     * The ports are shifted by the {@code lodestar.e2e.port-shift} system property (default 0), so two
     * checkouts can run their end-to-end suites on one machine at the same time.
     */
    public LocalLodestar(Path state, int httpPort, int grpcPort, int portBase, String supervisorOptions) {
        int shift = Integer.getInteger("lodestar.e2e.port-shift", 0);
        httpPort += shift;
        grpcPort += shift;
        portBase += shift;
        this.root = repositoryRoot();
        this.state = state;
        this.settings = new HashMap<>(Map.of(
                "LODESTAR_LOCAL_STATE", state.toString(),
                "LODESTAR_HTTP_PORT", String.valueOf(httpPort),
                "LODESTAR_GRPC_PORT", String.valueOf(grpcPort),
                "LODESTAR_MANAGEMENT_PORT", String.valueOf(httpPort + 1),
                "LODESTAR_PORT_BASE", String.valueOf(portBase),
                // the tests poll and fire actions faster than a person: the per-key rate limits are not what they test
                "LODESTAR_SUPERVISOR_OPTS", supervisorOptions + " -Dsupervisor.limits.rate.read-requests=1000000"
                        + " -Dsupervisor.limits.rate.write-requests=1000000"));
    }

    /**
     * Sets an environment variable of the launcher and so of every process it starts, before {@link #up()}:
     * {@code LODESTAR_NODES} for more nodes, a {@code WARDEN_…} variable to override a Warden setting.
     */
    public LocalLodestar with(String variable, String value) {
        settings.put(variable, value);
        return this;
    }

    /** Runs {@code up} and loads what it wrote to {@code .state/env}. */
    public LocalLodestar up() throws IOException, InterruptedException {
        run("up", Duration.ofMinutes(4));
        env = parseEnv(Files.readAllLines(state.resolve("env")));
        return this;
    }

    public void down() throws IOException, InterruptedException {
        run("down", Duration.ofMinutes(2));
    }

    /** Starts the Supervisor again (after a test stopped it) and waits until it answers. */
    public void startSupervisor() throws IOException, InterruptedException {
        run(List.of("start-supervisor"), Duration.ofMinutes(2));
    }

    /** Starts node N's Warden again (after a test stopped it); its pid is in {@link #wardenPid(int)}. */
    public void startWarden(int node) throws IOException, InterruptedException {
        run(List.of("start-warden", String.valueOf(node)), Duration.ofMinutes(1));
    }

    /** The pid of node N's Warden as the launcher recorded it (node numbers start at 1). */
    public long wardenPid(int node) throws IOException {
        return Long.parseLong(Files.readString(state.resolve("node-" + node + "/warden.pid")).trim().split("\\s+")[0]);
    }

    /** The pid of the Supervisor as the launcher recorded it. */
    public long supervisorPid() throws IOException {
        return Long.parseLong(Files.readString(state.resolve("supervisor.pid")).trim().split("\\s+")[0]);
    }

    public int grpcPort() {
        return Integer.parseInt(settings.get("LODESTAR_GRPC_PORT"));
    }

    /** How many times node N's stand-in iggy has started in its data directory (its state file's start_count). */
    public long iggyStartCount(int node) throws IOException {
        for (String line : Files.readAllLines(iggyWorkingDir(node).resolve("local_data/state/stand-in.state"))) {
            if (line.startsWith("start_count=")) {
                return Long.parseLong(line.substring("start_count=".length()).trim());
            }
        }
        throw new IllegalStateException("no start_count in the stand-in's state file of node " + node);
    }

    public Path iggyWorkingDir(int node) {
        return state.resolve("node-" + node + "/iggy");
    }

    public Path root() {
        return root;
    }

    public String url() {
        return env.get("SUPERVISOR_URL");
    }

    public String apiKey() {
        return env.get("LD_API_KEY");
    }

    public long deploymentId() {
        return Long.parseLong(env.get("DEPLOYMENT_ID"));
    }

    public List<Long> nodeIds() {
        return Arrays.stream(env.get("NODE_IDS").split(" ")).map(Long::parseLong).toList();
    }

    public List<Long> wardenPids() {
        return Arrays.stream(env.get("WARDEN_PIDS").split(" ")).map(Long::parseLong).toList();
    }

    /** The pid the node's Warden recorded for a runtime (node numbers start at 1). */
    public long runtimePid(int node, String runtime) throws IOException {
        String line = Files.readString(state.resolve("node-" + node + "/warden/run/" + runtime + ".pid")).trim();
        return Long.parseLong(line.split("\\s+")[0]);
    }

    public int iggyHttpPort(int node) {
        return Integer.parseInt(settings.get("LODESTAR_PORT_BASE")) + node * 100;
    }

    public Path state() {
        return state;
    }

    private void run(String command, Duration limit) throws IOException, InterruptedException {
        run(List.of(command), limit);
    }

    private void run(List<String> arguments, Duration limit) throws IOException, InterruptedException {
        String command = String.join(" ", arguments);
        List<String> line = new java.util.ArrayList<>();
        line.add(root.resolve("deploy/local/lodestar-local").toString());
        line.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolveSibling(state.getFileName() + "-launcher.log").toFile()));
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("lodestar-local " + command + " did not finish within " + limit);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("lodestar-local " + command + " failed with exit code " + process.exitValue()
                    + ":\n" + Files.readString(state.resolveSibling(state.getFileName() + "-launcher.log")));
        }
    }

    static Map<String, String> parseEnv(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).replace("\"", ""));
            }
        }
        return values;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/lodestar-local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the Lodestar repository");
        }
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        down();
    }
}
