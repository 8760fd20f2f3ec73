package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.specification.RequestSpecification;

/**
 * Prints dispatch latency on a local Lodestar of its own (a real Supervisor on H2, three Warden
 * processes, stand-in runtimes): POST→Warden-receives, read from each Warden's log line for the task
 * (the task id is the activity id), and POST→completed, polled through the API. Not a test: it asserts
 * nothing and prints figures.
 *
 * <pre>./mvnw -pl warden -am install -DskipTests
 * ./mvnw -pl warden exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.lodestar.warden.e2e.DispatchBenchmark [-Dactions=300]</pre>
 */
public final class DispatchBenchmark {

    private static final Pattern ACCEPTED = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*task (\\d+) accepted");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private DispatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int actions = Integer.getInteger("actions", 300);
        int restarts = Integer.getInteger("restarts", 30);
        Path state = Files.createTempDirectory("lodestar-bench").resolve("state");
        LocalLodestar lodestar = new LocalLodestar(state, 18580, 19580, 32000, "");
        try {
            lodestar.up();
            warmUp(lodestar);
            Map<Long, Long> posted = new HashMap<>();
            List<Long> toCompleted = new ArrayList<>();
            for (int i = 0; i < actions; i++) {
                long node = lodestar.nodeIds().get(i % lodestar.nodeIds().size());
                // start on a running runtime is a no-op on the node: this measures the dispatch path itself.
                Sample sample = act(lodestar, node, (i % 2 == 0 ? "iggy" : "connectors") + "/start");
                posted.put(sample.activityId, sample.postedAtMs);
                toCompleted.add(sample.completedAfterMs);
            }
            List<Long> restartCompleted = new ArrayList<>();
            for (int i = 0; i < restarts; i++) {
                long node = lodestar.nodeIds().get(i % lodestar.nodeIds().size());
                restartCompleted.add(act(lodestar, node, "iggy/restart").completedAfterMs);
            }
            List<Long> toReceived = receivedLatencies(state, posted);
            System.out.printf("%nDispatch on a local Lodestar (H2, 3 Wardens, loopback), %d actions%n", actions);
            print("POST -> Warden received", toReceived);
            print("POST -> completed (no-op start)", toCompleted);
            print("POST -> completed (restart of iggy)", restartCompleted);
        } finally {
            lodestar.down();
        }
    }

    private record Sample(long activityId, long postedAtMs, long completedAfterMs) {
    }

    private static Sample act(LocalLodestar lodestar, long node, String runtimeAndAction) throws InterruptedException {
        long postedAt = System.currentTimeMillis();
        long start = System.nanoTime();
        Number id = api(lodestar).body(Map.of("nodes", List.of(node)))
                .post("/deployments/" + lodestar.deploymentId() + "/activities/" + runtimeAndAction)
                .then().statusCode(202).extract().path("items[0].id");
        String path = "/deployments/" + lodestar.deploymentId() + "/activities/" + id;
        while (true) {
            String status = api(lodestar).get(path).then().extract().path("status");
            if (!"processing".equals(status)) {
                if (!"completed".equals(status)) {
                    throw new IllegalStateException("activity " + id + " ended " + status);
                }
                return new Sample(id.longValue(), postedAt, (System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(1);
        }
    }

    private static void warmUp(LocalLodestar lodestar) throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            act(lodestar, lodestar.nodeIds().get(i % 3), "iggy/start");
        }
    }

    private static List<Long> receivedLatencies(Path state, Map<Long, Long> posted) throws IOException {
        List<Long> latencies = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            for (String line : Files.readAllLines(state.resolve("node-" + node + "/warden.log"))) {
                Matcher m = ACCEPTED.matcher(line);
                if (m.find() && posted.containsKey(Long.parseLong(m.group(2)))) {
                    long at = LocalDateTime.parse(m.group(1), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
                    latencies.add(Math.max(0, at - posted.get(Long.parseLong(m.group(2)))));
                }
            }
        }
        if (latencies.size() != posted.size()) {
            System.out.printf("warning: found %d of %d receipts in the Warden logs%n", latencies.size(), posted.size());
        }
        return latencies;
    }

    private static void print(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("  %-36s n=%-4d p50=%4d ms  p99=%4d ms  max=%4d ms%n", what, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static RequestSpecification api(LocalLodestar lodestar) {
        return given().baseUri(lodestar.url()).header("ld-api-key", lodestar.apiKey()).contentType("application/json");
    }
}
