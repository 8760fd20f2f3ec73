package io.lodestar.supervisor.agent;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeStatus;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Each runtime's health, as a node's heartbeats say it: shown by GET /agents in runtime_health, and each change (never
 * a repeat) told as the event runtime.health_changed.
 */
@QuarkusTest
class RuntimeHealthApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachRuntimesHealthIsShownAsTheHeartbeatsSayAndEachChangeIsOneEvent() throws Exception {
        try (FakeWarden warden = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken(), "10.0.9.1").connect();
                SseClient stream = SseClient.open("/events/stream?types=runtime.health_changed", null)) {
            warden.awaitWelcome();
            warden.keepBeating(); // past the heartbeat TTL; its heartbeats say nothing of the runtimes
            String node = Long.toString(warden.nodeId());
            admin().get("/agents/" + node).then().statusCode(200).body("runtime_health", empty());

            warden.heartbeat(beat(1, status(Runtime.RUNTIME_IGGY, true, "HTTP 200"),
                    status(Runtime.RUNTIME_CONNECTORS, false, "not running")));
            await().atMost(Duration.ofSeconds(10)).until(() -> health(node).size() == 2);
            assertThat(health(node)).containsExactly(
                    Map.of("runtime", "connectors", "healthy", false, "detail", "not running"),
                    Map.of("runtime", "iggy", "healthy", true, "detail", "HTTP 200"));
            JsonPath listed = admin().get("/agents?results=100").then().statusCode(200).extract().jsonPath();
            assertThat(listed.getList("items.find { it.id == " + node + "L }.runtime_health.runtime"))
                    .as("the list shows it as the node's own answer does").containsExactly("connectors", "iggy");
            assertThat(listed.getString("items.find { it.id == " + node + "L }.runtime_health[0].changed_at")).isNotBlank();

            warden.heartbeat(beat(2, status(Runtime.RUNTIME_IGGY, true, "HTTP 200"),
                    status(Runtime.RUNTIME_CONNECTORS, false, "not running")));
            warden.heartbeat(beat(3, status(Runtime.RUNTIME_IGGY, false, "HTTP 503"),
                    status(Runtime.RUNTIME_CONNECTORS, false, "not running")));
            await().atMost(Duration.ofSeconds(10)).until(() -> health(node).contains(
                    Map.of("runtime", "iggy", "healthy", false, "detail", "HTTP 503")));

            List<JsonNode> told = new ArrayList<>();
            for (SseClient.Event event = stream.next(Duration.ofSeconds(5)); event != null; event = stream.next(Duration.ofMillis(700))) {
                JsonNode envelope = JSON.readTree(event.data());
                if (envelope.get("node_id").asText().equals(node)) {
                    told.add(envelope.get("data"));
                }
            }
            assertThat(told).as("one event per change, none for the repeated heartbeat").hasSize(3);
            assertThat(told).extracting(data -> data.get("runtime").asText() + " " + data.get("healthy").asBoolean() + " "
                    + data.get("message").asText())
                    .containsExactly("iggy true HTTP 200", "connectors false not running", "iggy false HTTP 503");
            assertThat(told.get(0).get("hostname").asText()).isEqualTo("fake-node");
        }
    }

    private static List<Map<String, Object>> health(String node) {
        List<Map<String, Object>> rows = admin().get("/agents/" + node).then().statusCode(200).extract().jsonPath()
                .getList("runtime_health");
        return rows.stream().map(row -> Map.of("runtime", row.get("runtime"), "healthy", row.get("healthy"), "detail", row.get("detail")))
                .toList();
    }

    private static Heartbeat beat(long seq, RuntimeStatus... runtimes) {
        return Heartbeat.newBuilder().setSeq(seq).addAllRuntimes(List.of(runtimes)).build();
    }

    private static RuntimeStatus status(Runtime runtime, boolean healthy, String detail) {
        return RuntimeStatus.newBuilder().setRuntime(runtime).setRunning(healthy).setPid(healthy ? 500 : 0)
                .setHealth(healthy ? RuntimeStatus.Health.HEALTH_HEALTHY : RuntimeStatus.Health.HEALTH_UNHEALTHY)
                .setHealthDetail(detail).build();
    }
}
