package io.lodestar.supervisor.observe;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@QuarkusTest
class DeploymentMetricsApiTest {

    @Inject
    MetricsRecorder recorder;

    @Inject
    MetricsStore store;

    @Inject
    FleetGauges gauges;

    @Inject
    EntityManager entityManager;

    @Test
    void heartbeatMetricsBecomeTheLatestPointOfTheNode() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden(); FakeWarden silent = Api.connectedWarden()) {
            // sent at once: these Wardens beat no more, and past the heartbeat TTL (2 s here) a heartbeat is not heard
            warden.heartbeat(MetricsFixtures.heartbeat(10, 1000));
            warden.heartbeat(MetricsFixtures.heartbeat(42.5, 123_456_789));
            long deployment = Api.deployment("metrics", List.of(warden.nodeId(), silent.nodeId()));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                recorder.flush();
                admin().get("/deployments/" + deployment + "/metrics").then().statusCode(200)
                        .body("items[0].latest.host.cpu_percent", equalTo(42.5f));
            });
            admin().get("/deployments/" + deployment + "/metrics").then().statusCode(200)
                    .body("deployment_id", equalTo(deployment))
                    .body("window", equalTo("15m"))
                    .body("step_seconds", equalTo(60))
                    .body("items", hasSize(2))
                    .body("items[0].node_id", equalTo(warden.nodeId()))
                    .body("items[0].latest.at", notNullValue())
                    .body("items[0].latest.host.memory_total_bytes", equalTo(8_000_000_000L))
                    .body("items[0].latest.host.disk_used_bytes", equalTo(10_000_000_000L))
                    .body("items[0].latest.host.network_received_bytes", equalTo(12_345))
                    .body("items[0].latest.runtimes[0].runtime", equalTo("iggy"))
                    .body("items[0].latest.runtimes[0].running", equalTo(true))
                    .body("items[0].latest.runtimes[0].state", equalTo("SLEEPING"))
                    .body("items[0].latest.runtimes[0].pid", equalTo(4242))
                    .body("items[0].latest.runtimes[0].rss_bytes", equalTo(123_456_789))
                    .body("items[0].latest.runtimes[0].uptime_ms", equalTo(60_000))
                    .body("items[0].latest.runtimes[0].restarts", equalTo(1))
                    .body("items[0].history", hasSize(1))
                    .body("items[0].history[0].runtimes.iggy.rss_bytes", equalTo(123_456_789))
                    .body("items[1].node_id", equalTo(silent.nodeId()))
                    .body("items[1].latest", nullValue())
                    .body("items[1].history", hasSize(0));
        }
    }

    @Test
    void historyHasBoundedPointsWhateverTheWindowAndStorageStaysBounded() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long node = warden.nodeId();
            long deployment = Api.deployment("metrics-history", List.of(node));
            Instant now = Instant.now();
            Instant start = now.minus(Duration.ofDays(9));
            // Nine days of points, one a minute, with the rollup every 15 minutes as the Supervisor runs it.
            for (Instant at = start; !at.isAfter(now); at = at.plusSeconds(60)) {
                store.write(at, 60, Map.of(node, MetricsFixtures.heartbeat(at.getEpochSecond() % 100, 1000)));
                if (at.getEpochSecond() % 900 < 60) {
                    store.rollUp(at, Duration.ofHours(24), Duration.ofDays(7));
                }
            }
            long raw = count("select count(*) from node_metric_points where node_id = " + node + " and resolution_s = 60");
            long rolled = count("select count(*) from node_metric_points where node_id = " + node + " and resolution_s = 900");
            assertThat(raw).as("one-minute points: a day's worth").isBetween(1440L, 1440L + 16);
            assertThat(rolled).as("15-minute points: a week's worth").isBetween(6L * 96, 7L * 96 + 1);
            assertThat(count("select count(*) from runtime_metric_points where node_id = " + node)).isEqualTo(raw + rolled);

            for (String window : List.of("1m", "15m", "1h", "6h", "24h", "2d", "7d", "30d")) {
                // the node keeps reporting: writing took seconds, and a minute may have begun meanwhile
                store.write(Instant.now(), 60, Map.of(node, MetricsFixtures.heartbeat(50, 1000)));
                JsonPath body = admin().get("/deployments/" + deployment + "/metrics?window=" + window).then().statusCode(200)
                        .extract().jsonPath();
                int points = body.getList("items[0].history").size();
                long step = body.getLong("step_seconds");
                assertThat(points).as("points over " + window + " (step " + step + " s)").isPositive().isLessThanOrEqualTo(MetricsWindow.MAX_POINTS);
            }
            admin().get("/deployments/" + deployment + "/metrics?window=7d").then().body("step_seconds", equalTo(5040));
            admin().get("/deployments/" + deployment + "/metrics?window=2d").then().body("step_seconds", equalTo(1440));
        }
    }

    @Test
    void badWindowsAreProblems() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("metrics-bad", List.of(warden.nodeId()));
            for (String window : List.of("0m", "31d", "15", "fortnight", "-5m")) {
                admin().get("/deployments/" + deployment + "/metrics?window=" + window).then().statusCode(400)
                        .contentType("application/problem+json").body("detail", containsString("window must be"));
            }
            admin().get("/deployments/1/metrics").then().statusCode(404);
        }
    }

    @Test
    void prometheusShowsTheFleetBesideTheSupervisorsOwnMetrics() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            Api.deployment("metrics-prometheus", List.of(warden.nodeId()));
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_ACCEPTED, "");
            gauges.refresh();
            String scrape = Api.management().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(scrape).contains("lodestar_agents{state=\"online\"}", "lodestar_agents{state=\"offline\"}",
                    "lodestar_activities{status=\"processing\"}", "lodestar_activities{status=\"rejected\"}",
                    "lodestar_tasks_pending", "lodestar_dispatch_latency_seconds_count", "jvm_memory_used_bytes");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Api.management().get("/q/metrics").asString())
                    .containsPattern("lodestar_dispatch_latency_seconds_count [1-9]"));
        }
    }

    @Transactional
    long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
