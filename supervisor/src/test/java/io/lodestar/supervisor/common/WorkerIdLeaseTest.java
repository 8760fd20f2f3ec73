package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.SupervisorConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Leases of id workers in the database, as replicas starting beside this test's Supervisor would take
 * them: never one worker twice, lapsed ones reused, a replica whose lease was taken stops using it.
 */
@QuarkusTest
class WorkerIdLeaseTest {

    @Inject
    WorkerIdLease running;

    @Inject
    DataSource dataSource;

    @Inject
    SupervisorConfig config;

    private final List<WorkerIdLease> others = new ArrayList<>();

    @AfterEach
    void giveBack() {
        others.forEach(lease -> lease.release(null));
    }

    @Test
    void theRunningSupervisorHoldsARecordedLease() throws SQLException {
        assertThat(running.held()).isTrue();
        assertThat(holderOf(running.workerId())).isEqualTo(running.holder());
    }

    @Test
    void theLeaseRecordsWhereTheOtherReplicasReachThisOne() throws SQLException {
        WorkerIdLease other = anotherReplica();
        assertThat(other.advertisedUrl()).isEqualTo("http://127.0.0.1:18080");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select advertised_url from supervisor_replicas where worker_id = ?")) {
            select.setInt(1, other.workerId());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("http://127.0.0.1:18080");
            }
        }
    }

    @Test
    void theAdvertisedUrlIsTheConfiguredOneOrTheListeningAddress() {
        assertThat(WorkerIdLease.advertisedUrl(Optional.of("https://sup-a.internal:8443/"), "0.0.0.0", 8080))
                .isEqualTo("https://sup-a.internal:8443");
        assertThat(WorkerIdLease.advertisedUrl(Optional.empty(), "10.0.0.7", 8080)).isEqualTo("http://10.0.0.7:8080");
        assertThat(WorkerIdLease.advertisedUrl(Optional.empty(), "::1", 8080)).isEqualTo("http://[::1]:8080");
        assertThat(WorkerIdLease.advertisedUrl(Optional.empty(), "0.0.0.0", 8080)).startsWith("http://").endsWith(":8080")
                .doesNotContain("0.0.0.0");
        assertThatThrownBy(() -> WorkerIdLease.advertisedUrl(Optional.of("sup-a:8080"), "0.0.0.0", 8080))
                .hasMessageContaining("supervisor.replica.advertised-url must be an absolute http:// or https:// URL");
    }

    @Test
    void replicasStartingTogetherNeverShareAWorker() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(8);
        try {
            List<Future<WorkerIdLease>> leases = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                leases.add(starts.submit((Callable<WorkerIdLease>) this::anotherReplica));
            }
            Set<Integer> workers = new HashSet<>(Set.of(running.workerId()));
            for (Future<WorkerIdLease> lease : leases) {
                assertThat(workers.add(lease.get().workerId())).as("worker %d leased twice", lease.get().workerId()).isTrue();
            }
            assertThat(workers).hasSize(17);
        } finally {
            starts.shutdown();
        }
    }

    @Test
    void aLapsedLeaseIsTakenAndItsFormerHolderStopsUsingIt() throws SQLException {
        WorkerIdLease stalled = anotherReplica();
        int worker = stalled.workerId();
        execute("update supervisor_replicas set lease_until = lease_until - interval '1' hour where worker_id = " + worker);

        WorkerIdLease next = anotherReplica();
        assertThat(next.workerId()).isEqualTo(worker);
        assertThat(holderOf(worker)).isEqualTo(next.holder());

        stalled.renew(); // finds its lease taken: leases another worker rather than sharing this one
        assertThat(stalled.workerId()).isNotEqualTo(worker);
        assertThat(stalled.held()).isTrue();
        assertThat(holderOf(stalled.workerId())).isEqualTo(stalled.holder());
    }

    @Test
    void idsAreRefusedOnceTheLeaseMayHaveLapsed() {
        WorkerIdLease lease = anotherReplica();
        Ids ids = new Ids(lease, java.time.Clock.systemUTC());
        assertThat(ids.next()).isPositive();
        lease.release(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(ids::next).hasMessageContaining("lease on its id worker lapsed");
    }

    private WorkerIdLease anotherReplica() {
        WorkerIdLease lease = new WorkerIdLease();
        lease.dataSource = dataSource;
        lease.config = config;
        lease.httpHost = "127.0.0.1";
        lease.httpPort = 18080;
        lease.acquire();
        synchronized (others) {
            others.add(lease);
        }
        return lease;
    }

    private String holderOf(int worker) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select holder from supervisor_replicas where worker_id = ?")) {
            select.setInt(1, worker);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }
}
