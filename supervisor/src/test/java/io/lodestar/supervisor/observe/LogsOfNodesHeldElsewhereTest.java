package io.lodestar.supervisor.observe;

import static io.lodestar.supervisor.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A node linked to another Supervisor replica that cannot relay (as this one sees it through the database: online,
 * held by a replica whose lease runs but that advertises no URL, as one from before the relay) cannot be read through
 * this one; the answer says so and names that replica. Relayed reads are {@link ReplicaLogRelayTest}'s.
 */
@QuarkusTest
class LogsOfNodesHeldElsewhereTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void forgetTheOtherReplica() throws SQLException {
        execute("delete from supervisor_replicas where holder = 'replica-b'");
    }

    @Test
    void aReadNamesTheReplicaHoldingTheNode() throws Exception {
        try (FakeWarden elsewhere = new FakeWarden(Api.grpcPort()).enroll(Api.enrollmentToken())) {
            long deployment = Api.deployment("logs-elsewhere", List.of(elsewhere.nodeId()));
            execute("insert into supervisor_replicas (worker_id, holder, host, started_at, renewed_at, lease_until) values"
                    + " (1000, 'replica-b', 'sup-b', current_timestamp, current_timestamp, current_timestamp + interval '1' hour)");
            execute("update agents set state = 'ONLINE', held_by = 'replica-b', last_seen_at = current_timestamp"
                    + " where id = " + elsewhere.nodeId());

            admin().get("/deployments/" + deployment + "/logs?runtime=iggy&lines=10").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].error", equalTo("The Warden on node " + elsewhere.nodeId() + " is not connected to this"
                            + " Supervisor: its link is held by another Supervisor replica (id worker 1000 on host sup-b) that"
                            + " advertises no URL to relay log reads through (it runs a version from before the relay); ask that"
                            + " replica, or upgrade it. No lines could be read."));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
