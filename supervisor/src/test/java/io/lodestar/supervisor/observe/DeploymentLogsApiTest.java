package io.lodestar.supervisor.observe;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.LogRequest;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeploymentLogsApiTest {

    @Test
    void eachNodeGivesItsLinesOrAnErrorWithoutFailingTheCall() throws Exception {
        try (FakeWarden answering = Api.connectedWarden().keepBeating();
                FakeWarden silent = Api.connectedWarden().keepBeating();
                FakeWarden offline = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken())) {
            long deployment = Api.deployment("logs", List.of(answering.nodeId(), silent.nodeId(), offline.nodeId()));
            CompletableFuture<LogRequest> asked = CompletableFuture.supplyAsync(() -> {
                try {
                    LogRequest request = answering.nextLogRequest();
                    answering.sendLogLines(request, true, "line one", "line two");
                    return request;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            admin().get("/deployments/" + deployment + "/logs?runtime=connectors&lines=50&since=2026-01-01T00:00:00Z")
                    .then().statusCode(200)
                    .body("items", hasSize(3))
                    .body("items[0].node_id", equalTo(answering.nodeId()))
                    .body("items[0].runtime", equalTo("connectors"))
                    .body("items[0].lines", equalTo(List.of("line one", "line two")))
                    .body("items[0].error", nullValue())
                    .body("items[1].node_id", equalTo(silent.nodeId()))
                    .body("items[1].lines", hasSize(0))
                    .body("items[1].error", containsString("did not answer within 1500 ms"))
                    .body("items[2].node_id", equalTo(offline.nodeId()))
                    .body("items[2].error", containsString("not connected to this Supervisor"));
            LogRequest request = asked.get();
            assertThat(request.getRuntime()).isEqualTo(Runtime.RUNTIME_CONNECTORS);
            assertThat(request.getLines()).isEqualTo(50);
            assertThat(request.getSinceMs()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
            assertThat(request.getFollow()).isFalse();
        }
    }

    @Test
    void oneNodeCanBeAskedAndDefaultsAreTwoHundredIggyLines() throws Exception {
        try (FakeWarden first = Api.connectedWarden().keepBeating(); FakeWarden second = Api.connectedWarden().keepBeating()) {
            long deployment = Api.deployment("logs-one", List.of(first.nodeId(), second.nodeId()));
            CompletableFuture.runAsync(() -> {
                try {
                    LogRequest request = second.nextLogRequest();
                    assertThat(request.getLines()).isEqualTo(200);
                    assertThat(request.getRuntime()).isEqualTo(Runtime.RUNTIME_IGGY);
                    second.sendLogLines(request, true, "password=[REDACTED] as the node sent it");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            admin().get("/deployments/" + deployment + "/logs?node_id=" + second.nodeId()).then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].runtime", equalTo("iggy"))
                    .body("items[0].lines[0]", equalTo("password=[REDACTED] as the node sent it"));
        }
    }

    @Test
    void badQueriesAreProblems() throws Exception {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("logs-bad", List.of(warden.nodeId()));
            String logs = "/deployments/" + deployment + "/logs";
            for (String lines : List.of("0", "5001", "abc", "-3")) {
                admin().get(logs + "?lines=" + lines).then().statusCode(400).contentType("application/problem+json")
                        .body("detail", containsString("lines must be a whole number between 1 and 5000"));
            }
            admin().get(logs + "?runtime=kafka").then().statusCode(400).body("detail", containsString("iggy, connectors"));
            admin().get(logs + "?node_id=1").then().statusCode(400).body("detail", containsString("is not part of deployment"));
            admin().get(logs + "?since=yesterday").then().statusCode(400).body("detail", containsString("RFC 3339"));
            admin().get("/deployments/1/logs").then().statusCode(404);
            admin().get("/deployments/1/logs/stream").then().statusCode(404);
        }
    }

    @Test
    void followStreamsNewLinesAsEventsAndStopsTheNodeWhenTheClientGoes() throws Exception {
        try (FakeWarden warden = Api.connectedWarden()) {
            warden.keepBeating();
            long deployment = Api.deployment("logs-follow", List.of(warden.nodeId()));
            long followId;
            int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write(("GET /deployments/" + deployment + "/logs/stream?lines=10 HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\nld-api-key: " + Api.ADMIN_KEY + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                LogRequest follow = warden.nextLogRequest();
                assertThat(follow.getFollow()).isTrue();
                assertThat(follow.getLines()).isEqualTo(10);
                warden.sendLogLines(follow, false, "first new line");
                warden.sendLogLines(follow, false, "second new line");
                BufferedReader reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.contains("second new line")) {
                        break;
                    }
                }
                assertThat(seen.toString()).startsWith("HTTP/1.1 200").contains("text/event-stream").contains("event:lines")
                        .contains("\"node_id\":" + warden.nodeId()).contains("first new line");
                followId = follow.getRequestId();
            }
            // The client is gone: the Supervisor notices at its next keep-alive and stops the follow on the node.
            LogRequest cancel = warden.nextLogRequest();
            assertThat(cancel.getCancel()).isTrue();
            assertThat(cancel.getRequestId()).isEqualTo(followId);
        }
    }

    @Test
    void aFollowWhoseNodeLinkEndsGetsThatNodesErrorEventAtOnce() throws Exception {
        FakeWarden warden = Api.connectedWarden();
        long deployment = Api.deployment("logs-follow-link-ends", List.of(warden.nodeId()));
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("GET /deployments/" + deployment + "/logs/stream?lines=10 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\nld-api-key: " + Api.ADMIN_KEY + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            warden.nextLogRequest();
            warden.close(); // the Warden's stream ends before it answered
            BufferedReader reader = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("data:")) {
                // headers and keep-alives
            }
            assertThat(line).startsWith("data:{\"node_id\":" + warden.nodeId()).contains("\"error\":\"The link of node "
                    + warden.nodeId() + "'s Warden to this Supervisor ended (").contains("no more lines can come through it.");
            System.out.println("follow of a node whose link ended: " + line);
        }
    }
}
