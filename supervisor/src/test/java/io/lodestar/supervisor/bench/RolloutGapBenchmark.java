package io.lodestar.supervisor.bench;

import static io.lodestar.supervisor.Api.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How soon a rollout's next batch reaches its Warden once the batch before has passed its health gate, on a rolling
 * restart of 50 simulated Wardens (real gRPC streams, reports written by the benchmark), one node at a time. With
 * {@code min_healthy_time} 0 the gate passes when the node's success is recorded, so the gap runs from sending that
 * report to the next node's task arriving; with a gate of 200 ms it runs from the gate's end (report + 200 ms), which
 * measures the gate's timer. Prints p50/p99/max; asserts nothing and is not part of the suite (its name does not end
 * in Test). Run it as docs/benchmarks.md says.
 */
@QuarkusTest
class RolloutGapBenchmark {

    private static final int NODES = Integer.getInteger("nodes", 50);

    @Test
    void gateToNextBatch() throws Exception {
        List<FakeWarden> wardens = new ArrayList<>();
        try {
            for (int i = 0; i < NODES; i++) {
                wardens.add(Api.connectedWarden().keepBeating());
            }
            long deploymentId = Api.readyDeployment("bench-rollout", wardens.toArray(FakeWarden[]::new));
            roll(deploymentId, wardens, 0);
            roll(deploymentId, wardens, 200);
        } finally {
            for (FakeWarden warden : wardens) {
                warden.close();
            }
        }
    }

    private static void roll(long deploymentId, List<FakeWarden> wardens, int gateMillis) throws InterruptedException {
        long started = System.nanoTime();
        admin().body("{\"min_healthy_time\":\"" + gateMillis + "ms\"}")
                .post("/deployments/" + deploymentId + "/activities/iggy/restart").then().statusCode(202);
        double[] gaps = new double[wardens.size() - 1];
        Task task = wardens.get(0).nextTask();
        for (int i = 0; i < wardens.size(); i++) {
            FakeWarden warden = wardens.get(i);
            long reported = System.nanoTime();
            warden.report(task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "restarted");
            if (i + 1 < wardens.size()) {
                task = wardens.get(i + 1).nextTask();
                gaps[i] = (System.nanoTime() - reported) / 1e6 - gateMillis;
            }
        }
        double total = (System.nanoTime() - started) / 1e9;
        Arrays.sort(gaps);
        System.out.printf("Rolling restart of %d nodes, one at a time, min_healthy_time %d ms: %.1f s in all;"
                + " gate passed -> next task at its Warden: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                wardens.size(), gateMillis, total, percentile(gaps, 50), percentile(gaps, 99), gaps[gaps.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
