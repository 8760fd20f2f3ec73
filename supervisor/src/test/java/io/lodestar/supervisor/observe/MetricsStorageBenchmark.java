package io.lodestar.supervisor.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A week and a day of heartbeats from 100 nodes, stored as the Supervisor stores them (one point per node
 * per minute, rolled up every 15 minutes), printing the rows and bytes kept as the days pass: the count
 * stops growing after the first week. Run with {@code -Dtest=MetricsStorageBenchmark}; not part of the suite.
 */
@QuarkusTest
class MetricsStorageBenchmark {

    private static final int NODES = 100;
    private static final int DAYS = 8;
    /** Column bytes of a row plus PostgreSQL's tuple header and item pointer; index entries not counted. */
    private static final int NODE_ROW_BYTES = 8 + 4 + 8 + 8 * 8 + 28;
    private static final int RUNTIME_ROW_BYTES = 8 + 6 + 4 + 8 + 2 + 9 + 8 * 4 + 4 + 28;

    @Inject
    MetricsStore store;

    @Inject
    EntityManager entityManager;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aWeekOfHeartbeatsFromAHundredNodes() throws InterruptedException {
        long template;
        try (FakeWarden warden = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken())) {
            template = warden.nodeId();
        }
        List<Long> nodes = LongStream.range(0, NODES).mapToObj(i -> template + 1 + i).toList();
        insertAgents(template, nodes);
        // Simulated time lies ahead of the clock, out of reach of the Supervisor's own scheduled rollup.
        Instant start = Instant.now().plus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofDays(DAYS));
        long began = System.nanoTime();
        long heartbeats = 0;
        for (Instant at = start; !at.isAfter(end); at = at.plusSeconds(60)) {
            Map<Long, Heartbeat> latest = new HashMap<>();
            for (long node : nodes) {
                latest.put(node, MetricsFixtures.heartbeat((node + at.getEpochSecond()) % 100, 1_000_000 + node));
            }
            heartbeats += NODES * 12L; // a Warden heartbeats every 5 s: twelve reach the Supervisor per stored point
            store.write(at, 60, latest);
            if (at.getEpochSecond() % 900 < 60) {
                rollUp(at);
                if (at.getEpochSecond() % 86_400 < 60) {
                    report("day " + Duration.between(start, at).toDays(), heartbeats);
                }
            }
        }
        report("end (day " + DAYS + ")", heartbeats);
        System.out.printf("simulated %d days of %d nodes in %.1f s%n", DAYS, NODES, (System.nanoTime() - began) / 1e9);
    }

    private void report(String when, long heartbeats) {
        long nodeRows = count("select count(*) from node_metric_points");
        long runtimeRows = count("select count(*) from runtime_metric_points");
        long bytes = nodeRows * NODE_ROW_BYTES + runtimeRows * RUNTIME_ROW_BYTES;
        String measured = "";
        if ("postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class))) {
            vacuum(); // autovacuum does this in real time; eight days pass here in minutes
            long onDisk = count("select pg_total_relation_size('node_metric_points') + pg_total_relation_size('runtime_metric_points')");
            measured = String.format(" | on disk after vacuum, indexes included: %,6.1f MB", onDisk / 1e6);
        }
        System.out.printf("%-12s heartbeats %,12d | host rows %,9d | runtime rows %,9d | ~%,6.1f MB of rows (%,d bytes/node)%s%n",
                when, heartbeats, nodeRows, runtimeRows, bytes / 1e6, bytes / NODES, measured);
    }

    private void rollUp(Instant at) {
        store.rollUp(at, Duration.ofHours(24), Duration.ofDays(7));
    }

    private void vacuum() {
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("vacuum node_metric_points, runtime_metric_points");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void insertAgents(long template, List<Long> nodes) {
        for (long node : nodes) {
            entityManager.createNativeQuery("insert into agents (id, tenant_id, division_id, environment_id, secret_hash, state,"
                    + " created_at) select ?1, tenant_id, division_id, environment_id, secret_hash, state, created_at from agents"
                    + " where id = ?2").setParameter(1, node).setParameter(2, template).executeUpdate();
        }
    }

    @Transactional
    long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
