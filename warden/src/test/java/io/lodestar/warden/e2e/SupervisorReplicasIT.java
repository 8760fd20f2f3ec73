package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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

import io.restassured.specification.RequestSpecification;

/**
 * Two Supervisors on one PostgreSQL database, A (the local Lodestar's) and B, and two real Wardens that know
 * both through {@code warden.supervisor.addresses}. B starts after the Wardens connected, so A holds every
 * node and everything asked of B crosses replicas. Actions asked of B run on the nodes; a stop asked of B and
 * a start asked of A half a second later run in that order and leave the runtime started; then, with a
 * restart in flight, A is killed with SIGKILL while the Wardens are frozen (SIGSTOP, so they cannot reconnect
 * at once): B takes the nodes offline within the lease, the thawed Wardens come back to B through their
 * address list, and the restart completes once.
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
        database = PostgresSupervisors.freshDatabase("replicas_e2e");
        Path home = Files.createTempDirectory("lodestar-replicas");
        Path state = home.resolve("state");
        Files.createDirectories(state);
        Files.writeString(state.resolve("admin-key"), ADMIN_KEY + "\n"); // both replicas answer to the same key
        String options = PostgresSupervisors.datasourceOptions(database)
                + " -Dsupervisor.link.heartbeat-interval=1s -Dsupervisor.link.heartbeat-ttl=4s"
                + " -Dsupervisor.replica.lease=" + LEASE.toSeconds() + "s -Dsupervisor.replica.renew-interval=1s"
                + " -Dsupervisor.dispatch.deadline=60s";
        LocalLodestar starting = new LocalLodestar(state, 18780, 19780, 25800, options);
        Path packageA = PostgresSupervisors.augmentedPackage(starting.root(), home.resolve("a"));
        Path packageB = home.resolve("b/quarkus-app");
        PostgresSupervisors.copyTree(packageA, packageB); // already augmented: starts at once
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
    void whenTheReplicaHoldingTheNodesIsKilledTheOtherTakesThemOverAndTheRestartInFlightCompletesOnce() throws Exception {
        // Node 1's restart is in flight when A dies (its start takes 3 s); node 2 has nothing in flight.
        Path slowStart = lodestar.iggyWorkingDir(1).resolve("configs/server.toml");
        Files.createDirectories(slowStart.getParent());
        Files.writeString(slowStart, "[standin]\nstart_delay_ms = 3000\n");
        List<Long> startsBefore = List.of(lodestar.iggyStartCount(1), lodestar.iggyStartCount(2));
        Collection<Long> restarts = ask(second.url(), "iggy/restart", Map.of("nodes", List.of(lodestar.nodeIds().get(0)))).values();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> restarts.stream().allMatch(id -> "ACCEPTED".equals(taskState(id))));
        try {
            signalWardens("-STOP");
            long killed = System.nanoTime();
            ProcessHandle.of(lodestar.supervisorPid()).orElseThrow().destroyForcibly();
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
            signalWardens("-CONT");
            Files.deleteIfExists(slowStart);
        }
        awaitCompleted(second.url(), restarts);
        assertThat(lodestar.iggyStartCount(1)).as("node 1 restarted once").isEqualTo(startsBefore.get(0) + 1);
        assertThat(lodestar.iggyStartCount(2)).as("node 2 not restarted").isEqualTo(startsBefore.get(1));
        assertThat(restarts.stream().map(SupervisorReplicasIT::taskState)).containsOnly("SUCCEEDED");
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
        try (Connection connection = PostgresSupervisors.connect(database);
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
