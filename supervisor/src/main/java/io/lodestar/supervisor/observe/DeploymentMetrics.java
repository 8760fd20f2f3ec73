package io.lodestar.supervisor.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.common.Times;

/** The newest metrics of each node of a deployment and their history over a window, at a bounded resolution. */
@ApplicationScoped
public class DeploymentMetrics {

    @Inject
    EntityManager entityManager;

    @Inject
    SupervisorConfig config;

    @Inject
    Clock clock;

    @Inject
    MetricsRecorder recorder;

    public record View(@JsonProperty("deployment_id") long deploymentId, String window,
            @JsonProperty("step_seconds") long stepSeconds, List<NodeMetrics> items) {
    }

    /**
     * @param iggy Iggy's own view from the node's newest heartbeat (the server's figures, cluster, connectors);
     *        null when its Warden has not reported since this Supervisor started
     */
    public record NodeMetrics(@JsonProperty("node_id") long nodeId, Latest latest, IggyNodeView iggy, List<HostPoint> history) {
    }

    /** The newest stored point; null members when the node never reported them. */
    public record Latest(String at, HostPoint host, List<RuntimePoint> runtimes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HostPoint(String at, @JsonProperty("cpu_percent") Double cpuPercent, @JsonProperty("load_1m") Double load1m,
            @JsonProperty("memory_used_bytes") Long memoryUsedBytes, @JsonProperty("memory_total_bytes") Long memoryTotalBytes,
            @JsonProperty("disk_used_bytes") Long diskUsedBytes, @JsonProperty("disk_total_bytes") Long diskTotalBytes,
            @JsonProperty("network_received_bytes") Long networkReceivedBytes,
            @JsonProperty("network_sent_bytes") Long networkSentBytes, Map<String, RuntimePoint> runtimes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuntimePoint(String runtime, Boolean running, String state, Long pid, @JsonProperty("rss_bytes") Long rssBytes,
            @JsonProperty("cpu_percent") Double cpuPercent, @JsonProperty("uptime_ms") Long uptimeMs, Integer restarts) {
    }

    public View view(long deploymentId, List<Long> nodes, MetricsWindow window) {
        long step = window.stepSeconds(config.observe().minutePointsRetention());
        if (nodes.isEmpty()) {
            return new View(deploymentId, window.text(), step, List.of());
        }
        Instant now = clock.instant();
        long from = now.minus(window.span()).getEpochSecond() / step * step + step;
        Map<Long, HostPoint> latestHost = latestHost(nodes);
        Map<Long, List<RuntimePoint>> latestRuntimes = latestRuntimes(nodes);
        Map<Long, List<HostPoint>> history = history(nodes, from, step);
        List<NodeMetrics> items = new ArrayList<>();
        for (long node : nodes) {
            HostPoint host = latestHost.get(node);
            List<RuntimePoint> runtimes = latestRuntimes.getOrDefault(node, List.of());
            Latest latest = host == null && runtimes.isEmpty() ? null
                    : new Latest(host == null ? null : host.at(), host == null ? null : withoutAt(host), runtimes);
            items.add(new NodeMetrics(node, latest, recorder.iggy(node), history.getOrDefault(node, List.of())));
        }
        return new View(deploymentId, window.text(), step, items);
    }

    /** The newest stored host point of each of these nodes that ever reported one. */
    Map<Long, HostPoint> latestHost(List<Long> nodes) {
        Map<Long, HostPoint> result = new LinkedHashMap<>();
        if (nodes.isEmpty()) {
            return result;
        }
        for (Object[] row : rows("select p.node_id, p.bucket_s, p.cpu_percent, p.load_1m, p.memory_used_bytes, p.memory_total_bytes,"
                + " p.disk_used_bytes, p.disk_total_bytes, p.network_received_bytes, p.network_sent_bytes from node_metric_points p"
                + " where p.node_id in (?1) and p.resolution_s = " + MetricsStore.RAW + " and p.bucket_s = (select max(q.bucket_s)"
                + " from node_metric_points q where q.node_id = p.node_id and q.resolution_s = " + MetricsStore.RAW + ")", nodes)) {
            result.put(num(row[0]).longValue(), hostPoint(row, null));
        }
        return result;
    }

    private Map<Long, List<RuntimePoint>> latestRuntimes(List<Long> nodes) {
        Map<Long, List<RuntimePoint>> result = new LinkedHashMap<>();
        for (Object[] row : rows("select p.node_id, p.runtime, p.running, p.state, p.pid, p.rss_bytes, p.cpu_percent, p.uptime_ms,"
                + " p.restarts from runtime_metric_points p where p.node_id in (?1) and p.resolution_s = " + MetricsStore.RAW
                + " and p.bucket_s = (select max(q.bucket_s) from runtime_metric_points q where q.node_id = p.node_id"
                + " and q.runtime = p.runtime and q.resolution_s = " + MetricsStore.RAW + ") order by p.node_id, p.runtime", nodes)) {
            result.computeIfAbsent(num(row[0]).longValue(), n -> new ArrayList<>()).add(new RuntimePoint((String) row[1],
                    num(row[2]).intValue() > 0, (String) row[3], longOrNull(row[4]), longOrNull(row[5]), doubleOrNull(row[6]),
                    longOrNull(row[7]), row[8] == null ? null : num(row[8]).intValue()));
        }
        return result;
    }

    private Map<Long, List<HostPoint>> history(List<Long> nodes, long from, long step) {
        String bucket = "bucket_s - mod(bucket_s, " + step + ")";
        Map<String, Map<String, RuntimePoint>> runtimes = new LinkedHashMap<>();
        for (Object[] row : rows("select node_id, runtime, " + bucket + ", max(running), avg(rss_bytes), avg(cpu_percent)"
                + " from runtime_metric_points where node_id in (?1) and bucket_s >= " + from
                + " group by node_id, runtime, " + bucket, nodes)) {
            runtimes.computeIfAbsent(row[0] + "/" + num(row[2]).longValue(), k -> new LinkedHashMap<>())
                    .put((String) row[1], new RuntimePoint(null, num(row[3]).intValue() > 0, null, null,
                            longOrNull(row[4]), round(doubleOrNull(row[5])), null, null));
        }
        Map<Long, List<HostPoint>> result = new LinkedHashMap<>();
        for (Object[] row : rows("select node_id, " + bucket + ", avg(cpu_percent), avg(load_1m), avg(memory_used_bytes),"
                + " max(memory_total_bytes), avg(disk_used_bytes), max(disk_total_bytes), max(network_received_bytes),"
                + " max(network_sent_bytes) from node_metric_points where node_id in (?1) and bucket_s >= " + from
                + " group by node_id, " + bucket + " order by node_id, " + bucket, nodes)) {
            String key = row[0] + "/" + num(row[1]).longValue();
            result.computeIfAbsent(num(row[0]).longValue(), n -> new ArrayList<>()).add(hostPoint(row, runtimes.get(key)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Long> nodes) {
        return entityManager.createNativeQuery(sql).setParameter(1, nodes).getResultList();
    }

    private static HostPoint hostPoint(Object[] row, Map<String, RuntimePoint> runtimes) {
        return new HostPoint(Times.format(Instant.ofEpochSecond(num(row[1]).longValue())), round(doubleOrNull(row[2])),
                round(doubleOrNull(row[3])), longOrNull(row[4]), longOrNull(row[5]), longOrNull(row[6]), longOrNull(row[7]),
                longOrNull(row[8]), longOrNull(row[9]), runtimes);
    }

    private static HostPoint withoutAt(HostPoint point) {
        return new HostPoint(null, point.cpuPercent(), point.load1m(), point.memoryUsedBytes(), point.memoryTotalBytes(),
                point.diskUsedBytes(), point.diskTotalBytes(), point.networkReceivedBytes(), point.networkSentBytes(), null);
    }

    private static Number num(Object value) {
        return (Number) value;
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : Math.round(num(value).doubleValue());
    }

    private static Double doubleOrNull(Object value) {
        return value == null ? null : num(value).doubleValue();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
