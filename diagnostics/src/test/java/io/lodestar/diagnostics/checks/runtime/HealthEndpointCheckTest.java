package io.lodestar.diagnostics.checks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lodestar.diagnostics.Check;
import io.lodestar.diagnostics.CheckCatalog;
import io.lodestar.diagnostics.ConnectorsSettings;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server answering like the runtimes do. */
class HealthEndpointCheckTest {

    private static final Check IGGY = CheckCatalog.factories().get("runtime.iggy.health").get();
    private static final Check CONNECTORS = CheckCatalog.factories().get("runtime.connectors.health").get();

    private HttpServer server;

    private URI serve(String path, int status, String body) throws Exception {
        return serve(path, status, body, 0);
    }

    private URI serve(String path, int status, String body, long delayMillis) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static HostContext running(URI ping, URI health) {
        FakeProbe probe = new FakeProbe().running(FakeProbe.process(100, "iggy-server", "1000"))
                .running(FakeProbe.process(101, "iggy-connectors", "1000"));
        return Contexts.on(new FakeHost(), probe).iggy(IggySettings.defaults().withPingUri(ping))
                .connectors(ConnectorsSettings.defaults().withHealthUri(health)).build();
    }

    @Test
    void pongPasses() throws Exception {
        URI ping = serve("/ping", 200, "pong");
        var result = IGGY.run(running(ping, ping));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.details()).containsEntry("body", "pong").containsKey("latency_ms");
    }

    @Test
    void aRuntimeSlowOnEveryCallWarns() throws Exception {
        URI ping = serve("/ping", 200, "pong", HealthEndpointCheck.WARN_LATENCY.toMillis() + 100);
        var result = IGGY.run(running(ping, ping));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("healthy but slow");
    }

    @Test
    void anythingButPongFails() throws Exception {
        URI ping = serve("/ping", 503, "shutting down");
        assertThat(IGGY.run(running(ping, ping)).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void connectorsHealthyJsonPasses() throws Exception {
        URI health = serve("/health", 200, "{\"status\": \"healthy\"}");
        assertThat(CONNECTORS.run(running(health, health)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void runningButNotAnsweringFails() throws Exception {
        URI dead = serve("/ping", 200, "pong");
        server.stop(0);
        server = null;
        var result = IGGY.run(running(dead, dead));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("did not answer");
    }

    @Test
    void notRunningSkipsWithoutCalling() throws Exception {
        assertThat(IGGY.run(Contexts.of(new FakeHost())).status()).isEqualTo(Status.SKIP);
    }
}
