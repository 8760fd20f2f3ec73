package io.lodestar.supervisor.observe;

import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /metrics/nodes: each node's newest host figures, in the pages and order of GET /agents. */
@QuarkusTest
class NodeFiguresApiTest {

    @Inject
    MetricsRecorder recorder;

    @Test
    void eachNodesNewestHostFiguresArePagedLikeTheNodes() throws InterruptedException {
        try (FakeWarden measured = Api.connectedWarden(); FakeWarden silent = Api.connectedWarden()) {
            measured.heartbeat(MetricsFixtures.heartbeat(42.5, 1000));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                recorder.flush();
                return figures(measured.nodeId(), admin().get("/metrics/nodes?results=100").then().statusCode(200)
                        .extract().jsonPath()) != null;
            });
            JsonPath all = admin().get("/metrics/nodes?results=100").then().statusCode(200).extract().jsonPath();
            Map<String, Object> host = figures(measured.nodeId(), all);
            assertThat(host).containsKey("at");
            assertThat(Map.of("cpu", ((Number) host.get("cpu_percent")).doubleValue(),
                    "memory used", ((Number) host.get("memory_used_bytes")).longValue(),
                    "memory total", ((Number) host.get("memory_total_bytes")).longValue(),
                    "disk used", ((Number) host.get("disk_used_bytes")).longValue()))
                    .isEqualTo(Map.of("cpu", 42.5, "memory used", 2_000_000_000L, "memory total", 8_000_000_000L,
                            "disk used", 10_000_000_000L));
            assertThat(all.getList("items.node_id", Long.class)).contains(silent.nodeId());
            assertThat(figures(silent.nodeId(), all)).as("a node that never reported has no figures").isNull();

            // page by page, the same nodes in the same order as GET /agents
            for (int page = 1; page <= 2; page++) {
                List<Long> nodes = admin().get("/agents?results=1&page=" + page).then().statusCode(200).extract().jsonPath()
                        .getList("items.id", Long.class);
                admin().get("/metrics/nodes?results=1&page=" + page).then().statusCode(200)
                        .body("items.node_id", equalTo(nodes))
                        .body("total_results", equalTo(admin().get("/agents?results=1").then().extract().path("total_results")));
            }
        }
    }

    @Test
    void itNeedsAgentReadAndABadPageIsA400() {
        as(Api.keyWith(Permission.DEPLOYMENT_READ)).get("/metrics/nodes").then().statusCode(403)
                .body("detail", equalTo("This API key lacks the agent:read permission."));
        admin().get("/metrics/nodes?results=0").then().statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(long node, JsonPath answer) {
        List<Map<String, Object>> items = answer.getList("items");
        return items.stream().filter(item -> ((Number) item.get("node_id")).longValue() == node).findFirst()
                .map(item -> (Map<String, Object>) item.get("host")).orElse(null);
    }
}
