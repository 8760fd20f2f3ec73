package io.lodestar.supervisor.agent;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.common.WorkerIdLease;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nodes held by another replica, as this one sees them through the database: offline once that
 * replica's lease lapses or it stops hearing them, online while it is alive and hears them.
 */
@QuarkusTest
class OrphanedNodesTest {

    @Inject
    DataSource dataSource;

    @Inject
    WorkerIdLease running;

    @AfterEach
    void forgetOtherReplicas() throws SQLException {
        execute("delete from supervisor_replicas where holder in ('dead-replica', 'live-replica')");
    }

    @Test
    void aNodeWhoseReplicaStoppedRenewingGoesOfflineHereAndComesBackByReconnecting() throws Exception {
        FakeWarden warden = Api.connectedWarden().beating(200);
        replica("dead-replica", OffsetDateTime.now().minusSeconds(1)); // its last lease ran out a second ago
        execute("update agents set held_by = 'dead-replica' where id = " + warden.nodeId());

        await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(state(warden.nodeId())));
        // The epoch moved on with it: a holder that comes back has its stream fenced off and closed.
        assertThat(warden.awaitEnd().getCode()).isEqualTo(Status.Code.ABORTED);
        warden.close();

        try (FakeWarden again = new FakeWarden(Api.grpcPort()).as(warden.nodeId(), warden.secret()).connect()) {
            again.awaitWelcome();
            assertThat(state(warden.nodeId())).isEqualTo("online");
            assertThat(heldBy(warden.nodeId())).isEqualTo(running.holder());
        }
    }

    @Test
    void aNodeOfALiveReplicaThatHearsItStaysOnline() throws Exception {
        try (FakeWarden warden = Api.connectedWarden().beating(200)) {
            replica("live-replica", OffsetDateTime.now().plusHours(1));
            execute("update agents set held_by = 'live-replica' where id = " + warden.nodeId());
            Thread.sleep(3000); // several sweeps
            assertThat(state(warden.nodeId())).isEqualTo("online");
        }
    }

    @Test
    void aNodeNotHeardForTwiceTheTtlGoesOfflineEvenUnderALiveReplica() throws Exception {
        long nodeId;
        try (FakeWarden warden = Api.connectedWarden()) {
            nodeId = warden.nodeId();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(state(nodeId)));
        replica("live-replica", OffsetDateTime.now().plusHours(1));
        execute("update agents set state = 'ONLINE', held_by = 'live-replica', last_seen_at = current_timestamp - interval '1' hour"
                + " where id = " + nodeId);

        await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(state(nodeId)));
    }

    @Test
    void aNodeThisReplicaHearsStaysOnlineWhileItsCheckpointIsLate() throws Exception {
        // A burst can hold back the checkpoint of last_seen_at: the replica that hears the node knows better.
        try (FakeWarden warden = Api.connectedWarden().beating(200)) {
            execute("update agents set last_seen_at = current_timestamp - interval '1' hour where id = " + warden.nodeId());
            Thread.sleep(3000); // several sweeps
            assertThat(state(warden.nodeId())).isEqualTo("online");
            assertThat(heldBy(warden.nodeId())).isEqualTo(running.holder());
        }
    }

    @Test
    void aNodeHeldHereWithoutAStreamHereGoesOfflineOnceSilent() throws Exception {
        long nodeId;
        try (FakeWarden warden = Api.connectedWarden()) {
            nodeId = warden.nodeId();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(state(nodeId)));
        // as if its stream's end had not been recorded: online, held here, silent for an hour
        execute("update agents set state = 'ONLINE', held_by = '" + running.holder() + "',"
                + " last_seen_at = current_timestamp - interval '1' hour where id = " + nodeId);

        await().atMost(Duration.ofSeconds(5)).until(() -> "offline".equals(state(nodeId)));
    }

    private static String state(long nodeId) {
        return admin().get("/agents/" + nodeId).then().statusCode(200).extract().path("state");
    }

    private String heldBy(long nodeId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var row = connection.createStatement().executeQuery("select held_by from agents where id = " + nodeId)) {
            row.next();
            return row.getString(1);
        }
    }

    private void replica(String holder, OffsetDateTime leaseUntil) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into supervisor_replicas (worker_id, holder, host, started_at, renewed_at, lease_until)"
                        + " values ((select max(worker_id) + 100 from supervisor_replicas), ?, 'elsewhere', ?, ?, ?)")) {
            insert.setString(1, holder);
            insert.setObject(2, leaseUntil.minusHours(2));
            insert.setObject(3, leaseUntil.minusSeconds(10));
            insert.setObject(4, leaseUntil);
            insert.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
