package io.lodestar.warden.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One more Supervisor beside the local Lodestar's, started from a package of its own on ports of its own
 * (shifted by {@code lodestar.e2e.port-shift} as {@link LocalLodestar}'s are), sharing its database.
 */
final class SupervisorReplica implements AutoCloseable {

    private final Path app;
    private final Path home;
    private final int httpPort;
    private final int grpcPort;
    private Process process;

    SupervisorReplica(Path app, Path home, int httpPort, int grpcPort) {
        int shift = Integer.getInteger("lodestar.e2e.port-shift", 0);
        this.app = app;
        this.home = home;
        this.httpPort = httpPort + shift;
        this.grpcPort = grpcPort + shift;
    }

    /** Starts it with these JVM options (space separated, as LODESTAR_SUPERVISOR_OPTS) and waits until it is ready. */
    SupervisorReplica start(String options, String adminKey) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m"));
        command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList());
        command.addAll(List.of("-Dlodestar.data-dir=" + home.resolve("data"),
                "-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.grpc.server.port=" + grpcPort, "-Dquarkus.grpc.server.host=127.0.0.1",
                "-Dquarkus.management.port=" + (httpPort + 1), "-Dquarkus.management.host=127.0.0.1",
                "-Dsupervisor.bootstrap.admin-key=" + adminKey, "-jar", app.resolve("quarkus-run.jar").toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("supervisor.log").toFile())).start();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + (httpPort + 1) + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second Supervisor exited:\n" + Files.readString(home.resolve("supervisor.log")));
            }
            try {
                if (client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the second Supervisor was not ready within " + timeout);
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    int grpcPort() {
        return grpcPort;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
