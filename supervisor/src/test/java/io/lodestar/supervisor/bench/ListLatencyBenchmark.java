package io.lodestar.supervisor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Latency of the list endpoints with 1,000,000 activities and 100,000 events in the database, all in
 * one deployment (the worst case for its lists). Prints p50/p99 per endpoint; asserts nothing and is not
 * part of the suite (its name does not end in Test). Run it as docs/benchmarks.md says, on H2 or on
 * PostgreSQL with the same flags as the PostgreSQL test run.
 */
@QuarkusTest
class ListLatencyBenchmark {

    private static final int ACTIVITIES = Integer.getInteger("activities", 1_000_000);
    private static final int EVENTS = Integer.getInteger("events", 100_000);
    private static final int CALLS = Integer.getInteger("calls", 300);

    @Inject
    DataSource dataSource;

    @Test
    void listLatency() throws Exception {
        Api.PlacedDeployment deployment = Api.deploymentOfADisconnectedNode("bench");
        long deploymentId = deployment.id();
        long nodeId = deployment.nodeId();
        long started = System.nanoTime();
        seed(deploymentId, nodeId);
        System.out.printf("Seeded %,d activities and %,d events in %d s (%s)%n", ACTIVITIES, EVENTS,
                (System.nanoTime() - started) / 1_000_000_000L, dataSource.getConnection().getMetaData().getDatabaseProductName());

        String d = "/deployments/" + deploymentId;
        long middleEvent = eventId(deploymentId, EVENTS / 2);
        List<String> paths = List.of(
                d + "/activities?page=1&results=10",
                d + "/activities?page=100&results=100",
                d + "/activities?status=completed&results=100",
                d + "/activities?node_id=" + nodeId + "&skip=5000&limit=50",
                d + "/events?page=1&results=10",
                d + "/events?results=100&before_id=" + middleEvent,
                d + "/events?event_type=node_ready&results=10",
                d + "/events?status=ready&page=50&results=20",
                "/deployments?page=1&results=10",
                "/audit-events?results=10");
        HttpClient client = HttpClient.newHttpClient();
        System.out.printf("%-70s %8s %8s %8s%n", "GET (" + CALLS + " calls each, after 50 warm-up)", "p50 ms", "p99 ms", "max ms");
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                    .header("ld-api-key", Api.ADMIN_KEY).build();
            for (int i = 0; i < 50; i++) {
                check(client.send(request, HttpResponse.BodyHandlers.ofString()), path);
            }
            long[] nanos = new long[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                nanos[i] = System.nanoTime() - t0;
                check(response, path);
            }
            Arrays.sort(nanos);
            System.out.printf("%-70s %8.1f %8.1f %8.1f%n", path.replace(String.valueOf(deploymentId), "{id}"),
                    nanos[CALLS / 2] / 1e6, nanos[(int) (CALLS * 0.99) - 1] / 1e6, nanos[CALLS - 1] / 1e6);
        }
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long eventId(long deploymentId, long n) {
        return deploymentId + 1_000_000_000L + n;
    }

    /** Set-based inserts (one statement per table): the same SQL on PostgreSQL and H2. */
    private void seed(long deploymentId, long nodeId) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            String series = postgres ? "generate_series(1, %d) as s(x)" : "system_range(1, %d) as s(x)";
            String scope = "(select tenant_id from deployments where id = " + deploymentId + "), "
                    + "(select division_id from deployments where id = " + deploymentId + "), "
                    + "(select environment_id from deployments where id = " + deploymentId + ")";
            sql.executeUpdate("insert into activities (id, tenant_id, division_id, environment_id, deployment_id, author_id,"
                    + " runtime, action, node_id, status, message, created_at, finished_at)"
                    + " select " + deploymentId + " + 10 + x, " + scope + ", " + deploymentId + ", 1, 'iggy',"
                    + " case when mod(x, 3) = 0 then 'restart' else 'start' end, " + nodeId + ","
                    + " case when mod(x, 10) = 0 then 'REJECTED' else 'COMPLETED' end, null, current_timestamp, current_timestamp"
                    + " from " + String.format(series, ACTIVITIES));
            sql.executeUpdate("insert into deployment_events (id, tenant_id, division_id, environment_id, deployment_id,"
                    + " event_type, status, message, node_id, author_id, created_at)"
                    + " select " + deploymentId + " + 1000000000 + x, " + scope + ", " + deploymentId + ","
                    + " case when mod(x, 4) = 0 then 'NODE_READY' else 'STATUS_CHANGED' end,"
                    + " case when mod(x, 2) = 0 then 'READY' else 'RUNNING' end, 'bench', " + nodeId + ", null, current_timestamp"
                    + " from " + String.format(series, EVENTS));
            if (postgres) {
                // As autovacuum would after a bulk load: statistics, and a visibility map for index-only scans.
                sql.execute("vacuum analyze activities");
                sql.execute("vacuum analyze deployment_events");
            }
        }
    }
}
