package io.lodestar.supervisor.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.HostMetrics;
import io.lodestar.protocol.v1.RuntimeStatus;

/**
 * Writes metric points and keeps their storage bounded. Each node has at most one raw point per
 * {@code metrics-interval} (a minute) for {@code minute-points-retention} (a day), then one 15-minute
 * point for {@code rollup-retention} (a week): 1,440 + 672 = 2,112 host rows per node, plus as many per
 * runtime, however long it runs. Raw heartbeats (every 5 s) would be 120,960 rows per node per week.
 */
@ApplicationScoped
public class MetricsStore {

    static final int RAW = 60;
    static final int ROLLUP_SECONDS = 900;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** Writes one raw point per node for the bucket {@code at} falls in, replacing one already there. */
    @Transactional
    public void write(Instant at, long bucketSeconds, Map<Long, Heartbeat> latest) {
        if (latest.isEmpty()) {
            return;
        }
        long bucket = at.getEpochSecond() / bucketSeconds * bucketSeconds;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement deleteHost = connection.prepareStatement(
                        "delete from node_metric_points where node_id = ? and resolution_s = ? and bucket_s = ?");
                PreparedStatement deleteRuntimes = connection.prepareStatement(
                        "delete from runtime_metric_points where node_id = ? and resolution_s = ? and bucket_s = ?");
                PreparedStatement host = connection.prepareStatement("insert into node_metric_points (node_id, resolution_s,"
                        + " bucket_s, cpu_percent, load_1m, memory_used_bytes, memory_total_bytes, disk_used_bytes,"
                        + " disk_total_bytes, network_received_bytes, network_sent_bytes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement runtime = connection.prepareStatement("insert into runtime_metric_points (node_id, runtime,"
                        + " resolution_s, bucket_s, running, state, pid, rss_bytes, cpu_percent, uptime_ms, restarts)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, Heartbeat> entry : latest.entrySet()) {
                long node = entry.getKey();
                for (PreparedStatement delete : new PreparedStatement[] {deleteHost, deleteRuntimes}) {
                    delete.setLong(1, node);
                    delete.setInt(2, RAW);
                    delete.setLong(3, bucket);
                    delete.addBatch();
                }
                Heartbeat heartbeat = entry.getValue();
                if (heartbeat.hasHostMetrics()) {
                    HostMetrics m = heartbeat.getHostMetrics();
                    host.setLong(1, node);
                    host.setInt(2, RAW);
                    host.setLong(3, bucket);
                    host.setDouble(4, m.getCpuPercent());
                    host.setDouble(5, m.getLoad1M());
                    host.setLong(6, m.getMemoryUsedBytes());
                    host.setLong(7, m.getMemoryTotalBytes());
                    host.setLong(8, m.getDiskUsedBytes());
                    host.setLong(9, m.getDiskTotalBytes());
                    host.setLong(10, m.getNetworkReceivedBytes());
                    host.setLong(11, m.getNetworkSentBytes());
                    host.addBatch();
                }
                for (RuntimeStatus status : heartbeat.getRuntimesList()) {
                    String name = runtimeName(status);
                    if (name == null) {
                        continue;
                    }
                    runtime.setLong(1, node);
                    runtime.setString(2, name);
                    runtime.setInt(3, RAW);
                    runtime.setLong(4, bucket);
                    runtime.setInt(5, status.getRunning() ? 1 : 0);
                    if (status.hasProcess()) {
                        runtime.setString(6, status.getProcess().getState());
                        runtime.setLong(8, status.getProcess().getRssBytes());
                        runtime.setDouble(9, status.getProcess().getCpuPercent());
                        runtime.setLong(10, status.getProcess().getUptimeMs());
                    } else {
                        runtime.setNull(6, Types.VARCHAR);
                        runtime.setNull(8, Types.BIGINT);
                        runtime.setNull(9, Types.DOUBLE);
                        runtime.setNull(10, Types.BIGINT);
                    }
                    runtime.setLong(7, status.getPid());
                    runtime.setInt(11, status.getRestarts());
                    runtime.addBatch();
                }
            }
            deleteHost.executeBatch();
            deleteRuntimes.executeBatch();
            host.executeBatch();
            runtime.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write metric points: " + e.getMessage(), e);
        }
    }

    /**
     * Rolls raw points older than the raw retention into 15-minute points (averages for levels, maxima
     * for totals and counters) and drops what is past each retention. Cut-offs fall on 15-minute
     * boundaries, so each 15-minute point is built once, from all its raw points; a row lock keeps two
 * roll-ups (the timer and a caller, or two replicas) from building the same point twice.
     */
    @Transactional
    public void rollUp(Instant now, Duration rawRetention, Duration rollupRetention) {
        // One roll-up at a time, across threads and replicas: the next one sees the raw points this one deleted.
        entityManager.createNativeQuery("select name from supervisor_locks where name = 'metrics-rollup' for update")
                .getResultList();
        long rawCutoff = floor(now.minus(rawRetention).getEpochSecond());
        long rollupCutoff = floor(now.minus(rollupRetention).getEpochSecond());
        String bucket = "bucket_s - mod(bucket_s, " + ROLLUP_SECONDS + ")";
        // Qualified on both sides: inside the sub-select a bare bucket_s names the roll-up row's column, not the raw one's.
        String rawBucket = "p.bucket_s - mod(p.bucket_s, " + ROLLUP_SECONDS + ")";
        entityManager.createNativeQuery("insert into node_metric_points (node_id, resolution_s, bucket_s, cpu_percent, load_1m,"
                + " memory_used_bytes, memory_total_bytes, disk_used_bytes, disk_total_bytes, network_received_bytes,"
                + " network_sent_bytes) select node_id, " + ROLLUP_SECONDS + ", " + bucket + ", avg(cpu_percent), avg(load_1m),"
                + " avg(memory_used_bytes), max(memory_total_bytes), avg(disk_used_bytes), max(disk_total_bytes),"
                + " max(network_received_bytes), max(network_sent_bytes) from node_metric_points p"
                + " where resolution_s = " + RAW + " and bucket_s < ?1 and not exists (select 1 from node_metric_points r"
                + " where r.node_id = p.node_id and r.resolution_s = " + ROLLUP_SECONDS + " and r.bucket_s = " + rawBucket + ")"
                + " group by node_id, " + bucket)
                .setParameter(1, rawCutoff).executeUpdate();
        entityManager.createNativeQuery("insert into runtime_metric_points (node_id, runtime, resolution_s, bucket_s, running,"
                + " state, pid, rss_bytes, cpu_percent, uptime_ms, restarts) select node_id, runtime, " + ROLLUP_SECONDS + ", "
                + bucket + ", max(running), max(state), max(pid), avg(rss_bytes), avg(cpu_percent), max(uptime_ms), max(restarts)"
                + " from runtime_metric_points p where resolution_s = " + RAW + " and bucket_s < ?1 and not exists (select 1 from"
                + " runtime_metric_points r where r.node_id = p.node_id and r.runtime = p.runtime and r.resolution_s = "
                + ROLLUP_SECONDS + " and r.bucket_s = " + rawBucket + ") group by node_id, runtime, " + bucket)
                .setParameter(1, rawCutoff).executeUpdate();
        for (String table : new String[] {"node_metric_points", "runtime_metric_points"}) {
            entityManager.createNativeQuery("delete from " + table + " where resolution_s = " + RAW + " and bucket_s < ?1")
                    .setParameter(1, rawCutoff).executeUpdate();
            entityManager.createNativeQuery("delete from " + table + " where resolution_s = " + ROLLUP_SECONDS + " and bucket_s < ?1")
                    .setParameter(1, rollupCutoff).executeUpdate();
        }
    }

    private static long floor(long epochSecond) {
        return epochSecond - Math.floorMod(epochSecond, ROLLUP_SECONDS);
    }

    private static String runtimeName(RuntimeStatus status) {
        for (RuntimeName name : RuntimeName.values()) {
            if (name.proto() == status.getRuntime()) {
                return name.wireName();
            }
        }
        return null;
    }
}
