package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.lodestar.testsupport.io.FileTrees;
import io.lodestar.testsupport.postgres.TestPostgres;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Two Supervisors on one PostgreSQL database, A (the local Lodestar's) and B, and two real Wardens that know
 * both through {@code warden.supervisor.addresses}. B starts after the Wardens connected, so A holds every
 * node and everything asked of B crosses replicas. Actions asked of B run on the nodes; a stop asked of B and
 * a start asked of A half a second later run in that order and leave the runtime started; log reads and
 * follows asked of B are relayed through A and give the nodes' real lines; then, with a restart in flight and
 * a follow open on B, A is killed with SIGKILL while the Wardens are frozen (SIGSTOP, so they cannot reconnect
 * at once): the follow ends with each node's error event, B takes the nodes offline within the lease, the
 * thawed Wardens come back to B through their address list, and the restart completes once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisorReplicasIT {

    private static final String ADMIN_KEY = "ld_replicas_e2e_admin_key_0123456789abcdefghij";
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static String database;
    private static LocalLodestar lodestar;
    private static SupervisorReplica second;

    @BeforeAll
    static void twoSupervisorsAndTheirWardens() throws IOException, InterruptedException {
        database = TestPostgres.freshDatabase("replicas_e2e");
        Path home = Files.createTempDirectory("lodestar-replicas");
        Path state = home.resolve("state");
        Files.createDirectories(state);
        Files.writeString(state.resolve("admin-key"), ADMIN_KEY + "\n"); // both replicas answer to the same key
        String options = TestPostgres.datasourceOptions(database)
                + " -Dsupervisor.link.heartbeat-interval=1s -Dsupervisor.link.heartbeat-ttl=4s"
                + " -Dsupervisor.replica.lease=" + LEASE.toSeconds() + "s -Dsupervisor.replica.renew-interval=1s"
                + " -Dsupervisor.dispatch.deadline=60s";
        LocalLodestar starting = new LocalLodestar(state, 18780, 19780, 25800, options);
        Path packageA = PostgresSupervisors.augmentedPackage(starting.root(), home.resolve("a"));
        Path packageB = home.resolve("b/quarkus-app");
        FileTrees.copy(packageA, packageB); // already augmented: starts at once
        second = new SupervisorReplica(packageB, home.resolve("b"), 18790, 19790);
        starting.with("LODESTAR_SUPERVISOR_JAR", packageA.resolve("quarkus-run.jar").toString())
                .with("LODESTAR_NODES", "2")
                .with("WARDEN_SUPERVISOR_ADDRESSES", "127.0.0.1:" + starting.grpcPort() + ",127.0.0.1:" + second.grpcPort());
        try {
            lodestar = starting.up();
            second.start(options, ADMIN_KEY);
        } catch (IOException | InterruptedException | RuntimeException e) {
            starting.down(); // what did start must not outlive the suite
            second.close();
            throw e;
        }
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        if (lodestar != null) {
            lodestar.down();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void actionsAskedOfOneReplicaRunOnTheNodesTheOtherHolds() throws Exception {
        assertThat(heldByFirstReplica()).as("B started after the Wardens connected to A").isEqualTo(2);
        Collection<Long> ids = ask(second.url(), "connectors/restart").values();
        awaitCompleted(lodestar.url(), ids);
        for (long id : ids) { // a rolling restart: each task is written when its batch starts
            System.out.printf("connectors restart asked of B, node held by A: task written -> accepted by the Warden in %d ms%n",
                    Duration.between(taskTime(id, "created_at"), taskTime(id, "accepted_at")).toMillis());
        }
    }

    @Test
    @Order(2)
    void aStopAskedOfOneReplicaAndAStartAskedOfTheOtherRunInThatOrder() throws Exception {
        Map<Long, Long> stops = ask(second.url(), "iggy/stop");
        Thread.sleep(500);
        Map<Long, Long> starts = ask(lodestar.url(), "iggy/start");
        awaitCompleted(second.url(), stops.values());
        awaitCompleted(second.url(), starts.values());
        for (int node = 1; node <= 2; node++) {
            long nodeId = lodestar.nodeIds().get(node - 1);
            Instant stopEnded = taskTime(stops.get(nodeId), "finished_at");
            Instant startTaken = taskTime(starts.get(nodeId), "accepted_at");
            assertThat(startTaken).as("node %d's start reached its Warden after its stop ended", node).isAfterOrEqualTo(stopEnded);
            assertThat(ProcessHandle.of(lodestar.runtimePid(node, "iggy"))).as("iggy runs on node %d", node).isPresent();
        }
    }

    @Test
    @Order(3)
    void logReadsAndFollowsAskedOfTheReplicaThatDoesNotHoldTheNodesAreRelayedThroughTheHolder() throws Exception {
        assertThat(heldByFirstReplica()).as("A still holds both nodes").isEqualTo(2);
        long asked = System.nanoTime();
        List<Map<String, Object>> items = api(second.url()).get("/deployments/" + lodestar.deploymentId() + "/logs?runtime=iggy&lines=5")
                .then().statusCode(200).extract().jsonPath().getList("items");
        System.out.printf("log read of 2 nodes asked of B, relayed through A: %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertThat(items).hasSize(2);
        for (int node = 1; node <= 2; node++) {
            Map<String, Object> item = items.get(node - 1);
            assertThat(item.get("error")).as("node %d's error", node).isNull();
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) item.get("lines");
            assertThat(lines).as("node %d's lines", node).hasSize(5);
            assertThat(iggyLog(node)).as("node %d's iggy log on disk", node).containsAll(lines);
        }
        System.out.println("log read asked of B, relayed through A: " + api(second.url()).get("/deployments/"
                + lodestar.deploymentId() + "/logs?runtime=iggy&lines=2").then().extract().asString());

        try (Follow follow = Follow.open(second.url(), "/deployments/" + lodestar.deploymentId() + "/logs/stream?runtime=iggy&lines=3")) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lodestar.nodeIds().stream().allMatch(node -> follow.events().contains("\"node_id\":" + node)));
            System.out.printf("log follow asked of B, relayed through A: first lines %d ms after it was asked%n", follow.millisToFirstLines());
            assertThat(follow.events()).contains("event:lines").doesNotContain("event:error");
            for (int node = 1; node <= 2; node++) {
                assertThat(iggyLog(node)).as("node %d's iggy log on disk", node).containsAll(follow.linesOf(lodestar.nodeIds().get(node - 1)));
            }
        }
    }

    @Test
    @Order(4)
    void whenTheReplicaHoldingTheNodesIsKilledTheOtherTakesThemOverAndTheRestartInFlightCompletesOnce() throws Exception {
        // Node 1's restart is in flight when A dies (its start takes 3 s); node 2 has nothing in flight.
        Path slowStart = lodestar.iggyWorkingDir(1).resolve("configs/server.toml");
        Files.createDirectories(slowStart.getParent());
        Files.writeString(slowStart, "[standin]\nstart_delay_ms = 3000\n");
        List<Long> startsBefore = List.of(lodestar.iggyStartCount(1), lodestar.iggyStartCount(2));
        Collection<Long> restarts = ask(second.url(), "iggy/restart", Map.of("nodes", List.of(lodestar.nodeIds().get(0)))).values();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> restarts.stream().allMatch(id -> "ACCEPTED".equals(taskState(id))));
        Follow follow = Follow.open(second.url(), "/deployments/" + lodestar.deploymentId() + "/logs/stream?runtime=iggy&lines=1");
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lodestar.nodeIds().stream().allMatch(node -> follow.events().contains("\"node_id\":" + node)));
            signalWardens("-STOP");
            long killed = System.nanoTime();
            ProcessHandle.of(lodestar.supervisorPid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> follow.events().split("event:error", -1).length - 1 == 2);
            System.out.printf("a follow asked of B and relayed through A: both nodes' error events %.1f s after A was killed%n",
                    (System.nanoTime() - killed) / 1e9);
            assertThat(follow.events()).contains("relaying its log through that replica failed");
            System.out.println("the follow's events after A was killed:\n" + follow.events().substring(follow.events().indexOf("event:error")));
            await().atMost(LEASE.plusSeconds(8)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lodestar.nodeIds().stream().allMatch(node -> "offline".equals(agentState(node))));
            System.out.printf("nodes of the killed replica offline on the other after %.1f s (lease %d s)%n",
                    (System.nanoTime() - killed) / 1e9, LEASE.toSeconds());
            assertThat(restarts.stream().map(SupervisorReplicasIT::taskState)).as("in flight, not ended for them")
                    .containsOnly("ACCEPTED");
            signalWardens("-CONT");
            long thawed = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> lodestar.nodeIds().stream().allMatch(node -> "online".equals(agentState(node))));
            System.out.printf("back online on the other replica %.1f s after the Wardens resumed%n",
                    (System.nanoTime() - thawed) / 1e9);
        } finally {
            follow.close();
            signalWardens("-CONT");
            Files.deleteIfExists(slowStart);
        }
        awaitCompleted(second.url(), restarts);
        assertThat(lodestar.iggyStartCount(1)).as("node 1 restarted once").isEqualTo(startsBefore.get(0) + 1);
        assertThat(lodestar.iggyStartCount(2)).as("node 2 not restarted").isEqualTo(startsBefore.get(1));
        assertThat(restarts.stream().map(SupervisorReplicasIT::taskState)).containsOnly("SUCCEEDED");
    }

    /** Node N's iggy log as its Warden reads it, line by line. */
    private static List<String> iggyLog(int node) throws IOException {
        return Files.readAllLines(lodestar.state().resolve("node-" + node + "/warden/logs/iggy.log"));
    }

    /** A log follow (server-sent events) read in the background until closed. */
    private static final class Follow implements AutoCloseable {

        private final StringBuffer events = new StringBuffer();
        private final long opened;
        private volatile long firstLines;
        private final InputStream body;

        private Follow(InputStream body, long opened) {
            this.body = body;
            this.opened = opened;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:lines") && firstLines == 0) {
                            firstLines = System.nanoTime();
                        }
                        events.append(line).append('\n');
                    }
                } catch (IOException closed) {
                    // closed by the test
                }
            }, "log-follow-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Follow open(String replica, String path) throws IOException, InterruptedException {
            long opened = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(replica + path))
                    .header("ld-api-key", ADMIN_KEY).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Follow(response.body(), opened);
        }

        String events() {
            return events.toString();
        }

        long millisToFirstLines() {
            return (firstLines - opened) / 1_000_000;
        }

        /** The lines of the node's {@code lines} events so far. */
        List<String> linesOf(long nodeId) {
            List<String> lines = new ArrayList<>();
            for (String line : events().split("\n")) {
                if (line.startsWith("data:") && line.contains("\"node_id\":" + nodeId + ",")) {
                    lines.addAll(JsonPath.from(line.substring("data:".length())).getList("lines", String.class));
                }
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** The activities it started, by node id. */
    private static Map<Long, Long> ask(String replica, String runtimeAndAction) {
        return ask(replica, runtimeAndAction, Map.of());
    }

    private static Map<Long, Long> ask(String replica, String runtimeAndAction, Map<String, Object> body) {
        List<Map<String, Object>> items = api(replica).body(body).post("/deployments/" + lodestar.deploymentId()
                + "/activities/" + runtimeAndAction).then().statusCode(202).extract().jsonPath().getList("items");
        Map<Long, Long> byNode = new LinkedHashMap<>();
        items.forEach(item -> byNode.put(((Number) item.get("node_id")).longValue(), ((Number) item.get("id")).longValue()));
        return byNode;
    }

    private static void awaitCompleted(String replica, Collection<Long> activities) {
        for (long id : activities) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !"processing".equals(
                    api(replica).get("/deployments/" + lodestar.deploymentId() + "/activities/" + id).then().extract().path("status")));
            assertThat(api(replica).get("/deployments/" + lodestar.deploymentId() + "/activities/" + id)
                    .then().extract().<String>path("status")).as("activity %d", id).isEqualTo("completed");
        }
    }

    private static String agentState(long nodeId) {
        return api(second.url()).get("/agents/" + nodeId).then().extract().path("state");
    }

    private static void signalWardens(String signal) throws IOException, InterruptedException {
        for (int node = 1; node <= 2; node++) {
            new ProcessBuilder("kill", signal, String.valueOf(lodestar.wardenPid(node))).inheritIO().start().waitFor();
        }
    }

    /** Nodes held by the replica that started first (A): B started after every Warden connected. */
    private static long heldByFirstReplica() throws SQLException {
        return query("select count(*) from agents a join supervisor_replicas r on r.holder = a.held_by where a.state = 'ONLINE'"
                + " and r.started_at = (select min(started_at) from supervisor_replicas)", null, resultSet -> resultSet.getLong(1));
    }

    private static String taskState(long taskId) {
        try {
            return query("select state from tasks where id = ?", taskId, resultSet -> resultSet.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant taskTime(long taskId, String column) throws SQLException {
        Timestamp time = query("select " + column + " from tasks where id = ?", taskId, resultSet -> resultSet.getTimestamp(1));
        return time.toInstant();
    }

    private interface Column<T> {
        T read(ResultSet resultSet) throws SQLException;
    }

    private static <T> T query(String sql, Long id, Column<T> column) throws SQLException {
        try (Connection connection = TestPostgres.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                if (!resultSet.next()) {
                    throw new IllegalStateException("no row for " + sql + " (" + id + ")");
                }
                return column.read(resultSet);
            }
        }
    }

    private static RequestSpecification api(String replica) {
        return given().baseUri(replica).header("ld-api-key", ADMIN_KEY).contentType("application/json");
    }
}
