package io.lodestar.supervisor.observe;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Log reads and follows across replicas. The holder's side: the internal route answers only to the replicas' shared
 * secret and serves a node connected here. The asker's side: a node held by another live replica (a stand-in HTTP
 * server here, recorded in {@code supervisor_replicas} as a replica with a running lease) is read and followed
 * through it, and whatever goes wrong there ends as that node's error, never as a failed call or a hang.
 */
@QuarkusTest
class ReplicaLogRelayTest {

    private static final String ROUTE = "/internal/replicas/logs";

    @Inject
    DataSource dataSource;

    @Inject
    ReplicaRelaySecret secret;

    private HttpServer holder;
    private volatile CompletableFuture<HttpExchange> asked;

    /** What the stand-in holder does with each request it gets. */
    private interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private volatile Answer answer;

    @BeforeEach
    void standInHolder() throws IOException {
        holder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        holder.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        holder.createContext(ROUTE, exchange -> {
            asked.complete(exchange);
            try {
                answer.answer(exchange);
            } catch (IOException | InterruptedException e) {
                // the asker went away, as some tests mean it to
            } finally {
                exchange.close();
            }
        });
        holder.start();
        asked = new CompletableFuture<>();
    }

    @AfterEach
    void forgetTheOtherReplica() throws SQLException {
        holder.stop(0);
        execute("delete from supervisor_replicas where holder = 'replica-b'");
    }

    @Test
    void theInternalRouteAnswersOnlyToTheReplicasSecret() {
        given().get(ROUTE + "?node_id=1&runtime=iggy&lines=5").then().statusCode(401)
                .header("WWW-Authenticate", "ld-replica-secret").contentType("application/problem+json")
                .body("detail", containsString("send the replicas' shared secret in the ld-replica-secret header"));
        given().header("ld-replica-secret", "lr_not-the-secret").get(ROUTE + "?node_id=1&runtime=iggy&lines=5").then().statusCode(403)
                .body("detail", containsString("does not hold this database's replica secret"));
        given().header("ld-api-key", Api.ADMIN_KEY).get(ROUTE + "?node_id=1&runtime=iggy&lines=5").then().statusCode(401);
        given().header("ld-replica-secret", secret.value()).get(ROUTE + "?node_id=1&runtime=kafka&lines=5").then().statusCode(400)
                .body("detail", equalTo("Unknown runtime 'kafka'; use one of: iggy, connectors."));
        given().header("ld-replica-secret", secret.value()).get(ROUTE + "?node_id=1&runtime=iggy&lines=0").then().statusCode(400)
                .body("detail", equalTo("lines must be a whole number between 1 and 5000; got '0'."));
        given().header("ld-replica-secret", secret.value()).get(ROUTE + "?node_id=1&runtime=iggy&lines=5").then().statusCode(409)
                .body("detail", containsString("Node 1's Warden is not connected to this Supervisor replica"));
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(document).doesNotContain("/internal/");
    }

    @Test
    void theHolderServesAReadAndAFollowOfANodeConnectedToIt() throws Exception {
        try (FakeWarden warden = Api.connectedWarden()) {
            CompletableFuture<Response> read = CompletableFuture.supplyAsync(() -> given().header("ld-replica-secret", secret.value())
                    .get(ROUTE + "?node_id=" + warden.nodeId() + "&runtime=connectors&lines=7&since_ms=1700000000000&follow=false"));
            LogRequest request = warden.nextLogRequest();
            assertThat(request.getLines()).isEqualTo(7);
            assertThat(request.getSinceMs()).isEqualTo(1700000000000L);
            assertThat(request.getFollow()).isFalse();
            warden.sendLogLines(request, true, "line one", "line two");
            Response answered = read.get(10, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.contentType()).isEqualTo("application/x-ndjson");
            assertThat(answered.asString()).isEqualTo("\n{\"lines\":[\"line one\",\"line two\"],\"done\":true}\n");

            LogRequest follow;
            try (Socket asker = new Socket("127.0.0.1", apiPort())) {
                asker.getOutputStream().write(("GET " + ROUTE + "?node_id=" + warden.nodeId() + "&runtime=iggy&lines=3&follow=true"
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nld-replica-secret: " + secret.value() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                follow = warden.nextLogRequest();
                assertThat(follow.getFollow()).isTrue();
                warden.sendLogLines(follow, false, "followed line");
                BufferedReader reader = new BufferedReader(new InputStreamReader(asker.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null && !line.contains("followed line")) {
                    // headers, chunk sizes and the first blank line
                }
                assertThat(line).contains("{\"lines\":[\"followed line\"],\"done\":false}");
            }
            LogRequest cancel = warden.nextLogRequest();
            assertThat(cancel.getCancel()).as("the asker went away: the node stops following").isTrue();
            assertThat(cancel.getRequestId()).isEqualTo(follow.getRequestId());
        }
    }

    @Test
    void aReadOfANodeHeldByAnotherReplicaIsRelayedThroughIt() throws Exception {
        long node = nodeHeldByTheStandIn();
        long deployment = Api.deployment("logs-relayed-read", List.of(node));
        answer = exchange -> respond(exchange, 200, "\n{\"lines\":[\"relayed one\",\"relayed two\"],\"done\":true}\n");

        admin().get("/deployments/" + deployment + "/logs?runtime=connectors&lines=2&since=2026-11-23T20:00:00Z").then().statusCode(200)
                .body("items[0].node_id", equalTo(node))
                .body("items[0].lines", equalTo(List.of("relayed one", "relayed two")))
                .body("items[0].error", nullValue());
        HttpExchange exchange = asked.get(5, TimeUnit.SECONDS);
        assertThat(exchange.getRequestHeaders().getFirst("ld-replica-secret")).isEqualTo(secret.value());
        assertThat(exchange.getRequestURI().getQuery())
                .isEqualTo("node_id=" + node + "&runtime=connectors&lines=2&since_ms=1795464000000&follow=false");
    }

    @Test
    void aHolderThatRefusesIsNamedInTheNodesError() throws Exception {
        long node = nodeHeldByTheStandIn();
        long deployment = Api.deployment("logs-relay-refused", List.of(node));
        answer = exchange -> respond(exchange, 403, "{\"status\":403,\"detail\":\"The ld-replica-secret header does not hold"
                + " this database's replica secret.\"}");

        admin().get("/deployments/" + deployment + "/logs").then().statusCode(200)
                .body("items[0].lines", equalTo(List.of()))
                .body("items[0].error", equalTo("The Warden on node " + node + " is connected to another Supervisor replica"
                        + " (id worker 1000 on host sup-b, " + holderUrl() + "), and relaying its log through that replica failed:"
                        + " it refused the relay with 403: The ld-replica-secret header does not hold this database's replica secret."));
    }

    @Test
    void aHolderThatCannotBeReachedIsNamedInTheNodesError() throws Exception {
        long node = nodeHeldByTheStandIn();
        long deployment = Api.deployment("logs-relay-unreachable", List.of(node));
        String url = holderUrl();
        holder.stop(0); // its lease still runs, as a killed replica's does until it lapses

        String body = admin().get("/deployments/" + deployment + "/logs?lines=3").then().statusCode(200)
                .body("items[0].lines", equalTo(List.of()))
                .body("items[0].error", equalTo("The Warden on node " + node + " is connected to another Supervisor replica"
                        + " (id worker 1000 on host sup-b, " + url + "), and relaying its log through that replica failed:"
                        + " it could not be reached: connection refused."))
                .extract().asString();
        System.out.println("read through a holder that cannot be reached: " + body);
    }

    @Test
    void aFollowThroughAHolderThatStopsEndsWithTheNodesErrorEvent() throws Exception {
        long node = nodeHeldByTheStandIn();
        long deployment = Api.deployment("logs-relay-holder-stops", List.of(node));
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("\n{\"lines\":[\"before the end\"],\"done\":false}\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            Thread.sleep(300);
            // ends the answer without the node's last chunk, as a holder that stops would
        };
        String events = follow(deployment, "it may have stopped", 15);
        assertThat(events).contains("event:lines").contains("before the end").contains("event:error")
                .contains("\"error\":\"The Warden on node " + node + " is connected to another Supervisor replica (id worker 1000"
                        + " on host sup-b, " + holderUrl() + "), and relaying its log through that replica failed: it ended the"
                        + " answer before the node's last lines (it may have stopped).\"");
    }

    @Test
    void aFollowThroughAHolderThatGoesSilentEndsWithTheNodesErrorEvent() throws Exception {
        long node = nodeHeldByTheStandIn();
        long deployment = Api.deployment("logs-relay-holder-silent", List.of(node));
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write('\n');
            exchange.getResponseBody().flush();
            Thread.sleep(20_000); // neither lines nor keep-alives, as a holder cut off by the network
        };
        long opened = System.nanoTime();
        String events = follow(deployment, "it sent nothing", 20);
        assertThat(events).contains("event:error").contains("relaying its log through that replica failed: it sent nothing for 10 s.");
        assertThat((System.nanoTime() - opened) / 1_000_000_000.0).as("seconds until the error event").isBetween(9.0, 15.0);
    }

    @Test
    void aFollowWhoseCallerGoesAwayIsCancelledOnTheHolder() throws Exception {
        long node = nodeHeldByTheStandIn();
        long deployment = Api.deployment("logs-relay-caller-goes", List.of(node));
        CompletableFuture<Long> cancelled = new CompletableFuture<>();
        answer = exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("\n{\"lines\":[\"still following\"],\"done\":false}\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            try {
                for (int tick = 0; tick < 100; tick++) { // the holder's keep-alives, quicker
                    Thread.sleep(200);
                    body.write('\n');
                    body.flush();
                }
            } catch (IOException closed) {
                cancelled.complete(System.nanoTime());
            }
        };
        follow(deployment, "still following", 10);
        long gone = System.nanoTime();
        long noticed = cancelled.get(15, TimeUnit.SECONDS);
        System.out.printf("caller gone -> relayed follow cancelled on the holder after %d ms%n", (noticed - gone) / 1_000_000);
    }

    /** Opens a follow, reads its events until one holds {@code until}, and disconnects; returns what was read. */
    private String follow(long deployment, String until, int seconds) throws IOException {
        try (Socket client = new Socket("127.0.0.1", apiPort())) {
            client.setSoTimeout(seconds * 1000);
            client.getOutputStream().write(("GET /deployments/" + deployment + "/logs/stream?lines=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\nld-api-key: " + Api.ADMIN_KEY + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds); // keep-alives come every 2 s either way
            String line;
            while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains(until)) {
                    break;
                }
            }
            return seen.toString();
        }
    }

    /** A node online in the database and held by replica-b, the stand-in, whose lease runs for an hour. */
    private long nodeHeldByTheStandIn() throws SQLException, InterruptedException {
        long node;
        try (FakeWarden enrolled = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken())) {
            node = enrolled.nodeId();
        }
        execute("insert into supervisor_replicas (worker_id, holder, host, started_at, renewed_at, lease_until, advertised_url) values"
                + " (1000, 'replica-b', 'sup-b', current_timestamp, current_timestamp, current_timestamp + interval '1' hour, '"
                + holderUrl() + "')");
        execute("update agents set state = 'ONLINE', held_by = 'replica-b', last_seen_at = current_timestamp where id = " + node);
        return node;
    }

    private String holderUrl() {
        return "http://127.0.0.1:" + holder.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static int apiPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
