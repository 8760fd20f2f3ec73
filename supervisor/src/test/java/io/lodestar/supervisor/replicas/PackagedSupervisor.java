package io.lodestar.supervisor.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lodestar.testsupport.io.FileTrees;

/**
 * The packaged Supervisor (target/quarkus-app) started as an operator starts it: through
 * bin/lodestar-supervisor, from a copy of the package of its own (re-augmentation rewrites it), on
 * free ports of its own. Its output goes to {@link #log()}.
 */
final class PackagedSupervisor implements AutoCloseable {

    static final String ADMIN_KEY = "ld_replica_test_admin_key_0123456789abcdefghij";
    private static final Path PACKAGE = Path.of("target", "quarkus-app");

    private final Path home;
    private final Path log;
    private final int httpPort = freePort();
    private final int grpcPort = freePort();
    private final int managementPort = freePort();
    private Process process;

    /** A copy of the package under {@code home}; {@link #start} runs it. */
    PackagedSupervisor(Path home) {
        this.home = home;
        this.log = home.resolve("supervisor.log");
        FileTrees.copy(PACKAGE.toAbsolutePath(), home.resolve("quarkus-app"));
    }

    static boolean packaged() {
        return Files.isRegularFile(PACKAGE.resolve("quarkus-run.jar")) && Files.isRegularFile(PACKAGE.resolve("bin/lodestar-supervisor"));
    }

    /** Starts it with LODESTAR_DB_KIND={@code dbKind} and these -D settings; returns at once. */
    PackagedSupervisor start(String dbKind, Map<String, String> settings) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("quarkus-app/bin/lodestar-supervisor").toString()));
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.grpc.server.port=" + grpcPort);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dlodestar.data-dir=" + home.resolve("data"));
        command.add("-Dsupervisor.bootstrap.admin-key=" + ADMIN_KEY);
        command.add("-Xmx256m");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("LODESTAR_DB_KIND", dbKind);
        process = builder.start();
        return this;
    }

    /** Waits until /q/health/ready answers UP; fails with the log's tail when it does not in time. */
    PackagedSupervisor awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the Supervisor exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the Supervisor was not ready within " + timeout + ":\n" + logTail());
    }

    String apiUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    int grpcPort() {
        return grpcPort;
    }

    Path home() {
        return home;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private String logTail() throws IOException {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    /** kill -9: no shutdown hook, no goodbye to the Wardens or the database. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
