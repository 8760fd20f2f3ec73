package io.lodestar.supervisor.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fleet of simulated Wardens in one process, against a running Supervisor, and the figures it
 * measures: how many it holds, the Supervisor's RSS and idle CPU while they only heartbeat, dispatch
 * latency (POST → Warden received) with the fleet connected, one action fanned out to
 * {@code fleet.fan-out} nodes, sustained task throughput, and, given {@code fleet.restart-command}, a restart of
 * the Supervisor with the whole fleet connected and an action in flight. See docs/benchmarks.md for the command.
 */
public final class FleetSimulator {

    /** How the simulated Wardens answer tasks. */
    record Settings(long taskLatencyMs, double failureRate) {
    }

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");
    /**
     * The action the throughput and restart stages ask of every node at once: a start, which runs on every node in
     * parallel (a restart rolls, and the quorum guard keeps a majority of the nodes up whatever the strategy).
     */
    private static final String ALL_AT_ONCE_PATH = "/activities/iggy/start";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String api = System.getProperty("fleet.api", "http://127.0.0.1:8080");
    private final String key = System.getProperty("fleet.key");
    private long supervisorPid = Long.getLong("fleet.supervisor-pid", -1);
    private final FleetStats stats = new FleetStats();
    private final List<SimulatedWarden> wardens = new ArrayList<>();

    public static void main(String[] args) {
        try {
            new FleetSimulator().run();
            System.exit(0);
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            System.exit(1); // the simulated Wardens' threads would keep a failed run alive, reconnecting for ever
        }
    }

    private void run() throws Exception {
        List<Integer> stages = new ArrayList<>();
        for (String stage : System.getProperty("fleet.wardens", "1000").split(",")) {
            stages.add(Integer.parseInt(stage.strip()));
        }
        String[] grpc = System.getProperty("fleet.grpc", "127.0.0.1:9000").split(":");
        Settings settings = new Settings(Long.getLong("fleet.task-latency-ms", 20), Double.parseDouble(System.getProperty("fleet.failure-rate", "0")));
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
        ExecutorService enrolling = Executors.newFixedThreadPool(8);
        for (int count : stages) { // grow the fleet stage by stage, measuring the idle Supervisor at each
            long started = System.nanoTime();
            List<Future<?>> enrolled = new ArrayList<>();
            for (int i = wardens.size(); i < count; i++) {
                SimulatedWarden warden = new SimulatedWarden(grpc[0], Integer.parseInt(grpc[1]), settings, stats, timers);
                wardens.add(warden);
                int index = i;
                enrolled.add(enrolling.submit(() -> {
                    warden.enroll(extract(TOKEN, post("/agents/enrollments", "{}")), index);
                    warden.connect();
                    return null;
                }));
            }
            for (Future<?> future : enrolled) {
                future.get();
            }
            while (stats.connected() < count) {
                Thread.sleep(100);
            }
            System.out.printf("%d Wardens enrolled and connected (this stage in %.1f s)%n", count, (System.nanoTime() - started) / 1e9);
            idle(Integer.getInteger("fleet.idle-seconds", 30));
        }
        enrolling.shutdown();
        dispatch(Integer.getInteger("fleet.dispatches", 200));
        int fanOut = Math.min(wardens.size() - 1, Integer.getInteger("fleet.fan-out", 1000));
        String deployment = fanOut(fanOut);
        throughput(deployment, fanOut, Integer.getInteger("fleet.throughput-seconds", 20));
        String restartCommand = System.getProperty("fleet.restart-command");
        if (restartCommand != null) {
            restart(deployment, fanOut, restartCommand);
        }
        System.out.println("fleet: " + stats.summary());
        System.out.printf("Supervisor RSS at the end: %s%n", rss());
        wardens.forEach(SimulatedWarden::stop);
    }

    /** Only heartbeats for a while: the Supervisor's RSS and CPU (percent of one core) over that window. */
    private void idle(int seconds) throws Exception {
        long cpuBefore = cpuTicks();
        long beatsBefore = stats.heartbeats.get();
        Thread.sleep(seconds * 1000L);
        long cpu = cpuTicks() - cpuBefore;
        System.out.printf("idle %d s with %d connected: Supervisor RSS %s, CPU %.1f %% of one core, %d heartbeats/s%n",
                seconds, stats.connected(), rss(), cpu < 0 ? -1 : cpu * 100.0 / (seconds * 100.0),
                (stats.heartbeats.get() - beatsBefore) / seconds);
    }

    /** One node's restarts, one at a time: POST → that task first received by its Warden. */
    private void dispatch(int actions) throws Exception {
        String deployment = extract(FIRST_ID, post("/deployments",
                "{\"name\":\"fleet-dispatch\",\"agent_ids\":[" + wardens.get(0).nodeId() + "]}"));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < actions; i++) {
            long asked = System.nanoTime();
            long taskId = Long.parseLong(extract(FIRST_ID, post("/deployments/" + deployment + "/activities/iggy/restart", "{}")));
            Long received;
            while ((received = stats.receivedAt.get(taskId)) == null) {
                Thread.onSpinWait();
            }
            micros.add((received - asked) / 1000);
        }
        System.out.printf("dispatch with %d connected, %d restarts: POST -> received %s%n", stats.connected(), actions, percentiles(micros));
    }

    /** A deployment of {@code nodes} Wardens: its start tasks are one action fanned out to all of them. */
    private String fanOut(int nodes) throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= nodes; i++) { // the first Warden already has the dispatch deployment
            ids.append(i == 1 ? "" : ",").append(wardens.get(i).nodeId());
        }
        long finishedBefore = stats.tasksSucceeded.get() + stats.tasksFailed.get();
        long receivedBefore = stats.tasksReceived.get();
        long asked = System.nanoTime();
        String deployment = extract(FIRST_ID, post("/deployments", "{\"name\":\"fleet-fan-out\",\"agent_ids\":[" + ids + "]}"));
        long answered = System.nanoTime();
        while (stats.tasksReceived.get() - receivedBefore < nodes) {
            Thread.sleep(1);
        }
        long delivered = System.nanoTime();
        while (stats.tasksSucceeded.get() + stats.tasksFailed.get() - finishedBefore < nodes) {
            Thread.sleep(1);
        }
        long reported = System.nanoTime();
        while (!get("/deployments/" + deployment).contains("\"status\":\"ready\"")) {
            Thread.sleep(10);
        }
        System.out.printf("fan-out to %d nodes: POST answered %.0f ms, all received %.0f ms, all reported %.0f ms,"
                + " deployment ready %.0f ms after the POST%n", nodes, (answered - asked) / 1e6, (delivered - asked) / 1e6,
                (reported - asked) / 1e6, (System.nanoTime() - asked) / 1e6);
        return deployment;
    }

    /** Restarts of all nodes of the fan-out deployment, back to back: task transitions per second sustained. */
    private void throughput(String deployment, int nodes, int seconds) throws Exception {
        long finishedBefore = stats.tasksSucceeded.get() + stats.tasksFailed.get();
        long started = System.nanoTime();
        long until = started + seconds * 1_000_000_000L;
        long created = 0;
        while (System.nanoTime() < until) {
            post("/deployments/" + deployment + ALL_AT_ONCE_PATH, "{}");
            created += nodes;
            while (created - (stats.tasksSucceeded.get() + stats.tasksFailed.get() - finishedBefore) > nodes * 2L) {
                Thread.sleep(1); // keep at most two rounds in flight
            }
        }
        while (stats.tasksSucceeded.get() + stats.tasksFailed.get() - finishedBefore < created) {
            Thread.sleep(5);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("throughput: %d tasks created, accepted and finished in %.1f s: %.0f tasks/s, %.0f transitions/s"
                + " (pending, accepted, finished: 3 writes per task)%n", created, elapsed, created / elapsed, 3 * created / elapsed);
    }

    /**
     * Stops the Supervisor (SIGTERM, as {@code systemctl restart} does) right after asking every node of the fan-out
     * deployment to start its runtime, starts the Supervisor again with {@code command}, and measures: the API answering again, every
     * Warden streaming again, and the action in flight ending on every node, none lost and none run twice.
     */
    private void restart(String deployment, int nodes, String command) throws Exception {
        long fleet = stats.connected();
        long welcomesBefore = stats.welcomes.get();
        long distinctBefore = stats.receivedAt.size();
        long receivedBefore = stats.tasksReceived.get();
        post("/deployments/" + deployment + ALL_AT_ONCE_PATH, "{}");
        ProcessHandle old = ProcessHandle.of(supervisorPid).orElseThrow(() -> new IllegalStateException("no Supervisor pid " + supervisorPid));
        long asked = System.nanoTime();
        old.destroy();
        old.onExit().get(120, TimeUnit.SECONDS);
        long stopped = System.nanoTime();
        Process started = new ProcessBuilder("sh", "-c", "exec " + command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("fleet-supervisor.log").toFile())).start();
        supervisorPid = started.pid();
        while (!answers("/deployments?results=1")) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the Supervisor exited with " + started.exitValue() + "; see fleet-supervisor.log");
            }
            Thread.sleep(20);
        }
        long back = System.nanoTime();
        while (stats.welcomes.get() - welcomesBefore < fleet || stats.connected() < fleet) {
            Thread.sleep(50);
        }
        long restreamed = System.nanoTime();
        String processing = "/deployments/" + deployment + "/activities?status=processing&results=1";
        long bound = System.nanoTime() + 600_000_000_000L;
        while (!totalOf(get(processing)).equals("0") && System.nanoTime() < bound) {
            Thread.sleep(500);
        }
        long ended = System.nanoTime();
        long ran = stats.receivedAt.size() - distinctBefore;
        String rejected = get("/deployments/" + deployment + "/activities?status=rejected&results=1");
        System.out.printf("restart with %d connected: stopped %.1f s after SIGTERM, API answering %.1f s after the new"
                + " process started, all %d Wardens streaming again %.1f s after it started, the action in flight ended on"
                + " every node %.1f s after it started; tasks of that action run: %d of %d (pushed %d times), rejected: %s%n",
                fleet, (stopped - asked) / 1e9, (back - stopped) / 1e9, fleet, (restreamed - stopped) / 1e9,
                (ended - stopped) / 1e9, ran, nodes, stats.tasksReceived.get() - receivedBefore, totalOf(rejected));
        System.out.printf("Supervisor RSS after the restart: %s%n", rss());
    }

    private boolean answers(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("ld-api-key", key).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String totalOf(String page) {
        Matcher total = Pattern.compile("\"total_results\":(\\d+)").matcher(page);
        return total.find() ? total.group(1) : "?";
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).header("ld-api-key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("ld-api-key", key).build(),
                HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
    }

    private static String extract(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }

    private static String percentiles(List<Long> micros) {
        Collections.sort(micros);
        int n = micros.size();
        return String.format("n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms", n, micros.get(n / 2) / 1000.0,
                micros.get(Math.max(0, (int) Math.ceil(n * 0.99) - 1)) / 1000.0, micros.get(n - 1) / 1000.0);
    }

    private String rss() throws IOException {
        if (supervisorPid < 0) {
            return "(no fleet.supervisor-pid)";
        }
        return Files.readAllLines(Path.of("/proc/" + supervisorPid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }

    /** utime + stime of the Supervisor in clock ticks (100 per second). */
    private long cpuTicks() throws IOException {
        if (supervisorPid < 0) {
            return -1;
        }
        String stat = Files.readString(Path.of("/proc/" + supervisorPid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
