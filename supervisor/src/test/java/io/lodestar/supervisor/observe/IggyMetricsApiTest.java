package io.lodestar.supervisor.observe;

import static io.lodestar.supervisor.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.ClusterMember;
import io.lodestar.protocol.v1.ConnectorState;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.IggyFigures;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/** Deployment metrics carry Iggy's own view of each node, and say what the Warden could not see. */
@QuarkusTest
class IggyMetricsApiTest {

    @Test
    void figuresClusterAndConnectorsFromTheNewestHeartbeat() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.readyDeployment("iggy-figures", warden);
            String metrics = "/deployments/" + deployment + "/metrics";
            admin().get(metrics).then().statusCode(200).body("items[0].iggy", nullValue());

            warden.heartbeat(Heartbeat.newBuilder().setSeq(1)
                    .addRuntimes(RuntimeStatus.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setRunning(true)
                            .setIggy(IggyFigures.newBuilder().setStreams(2).setTopics(3).setPartitions(6).setSegments(6)
                                    .setMessages(1500).setClients(4).setReadAtMs(1_780_000_000_000L))
                            .addCluster(ClusterMember.newBuilder().setName("iggy-node-1").setRole("leader").setStatus("healthy")))
                    .addRuntimes(RuntimeStatus.newBuilder().setRuntime(Runtime.RUNTIME_CONNECTORS).setRunning(true)
                            .addConnectors(ConnectorState.newBuilder().setKey("postgres").setName("Postgres source")
                                    .setType("source").setStatus("error").setLastError("Plugin library not found")))
                    .build());

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(metrics).then()
                    .body("items[0].iggy.server.streams", equalTo(2))
                    .body("items[0].iggy.server.messages", equalTo(1500))
                    .body("items[0].iggy.server.clients", equalTo(4))
                    .body("items[0].iggy.cluster[0].role", equalTo("leader"))
                    .body("items[0].iggy.connectors[0].status", equalTo("error"))
                    .body("items[0].iggy.connectors[0].last_error", equalTo("Plugin library not found")));

            warden.heartbeat(Heartbeat.newBuilder().setSeq(2).addRuntimes(RuntimeStatus.newBuilder()
                    .setRuntime(Runtime.RUNTIME_IGGY).setRunning(true)
                    .setApiUnseen("no Iggy personal access token is configured (warden.runtimes.iggy.token-file)")).build());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(metrics).then()
                    .body("items[0].iggy.server", nullValue())
                    .body("items[0].iggy.unseen.iggy", equalTo(
                            "no Iggy personal access token is configured (warden.runtimes.iggy.token-file)")));
        }
    }
}
