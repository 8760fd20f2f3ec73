package io.lodestar.warden.task;

import io.lodestar.warden.metrics.ClusterMembership;
import io.lodestar.warden.runtime.ActionDeadline;
import io.lodestar.warden.runtime.ActionResult;
import io.lodestar.warden.runtime.DriverStatus;
import io.lodestar.warden.runtime.HealthProbe;
import io.lodestar.warden.runtime.ReplicaFile;
import io.lodestar.warden.runtime.RuntimeDriver;
import io.lodestar.warden.runtime.RuntimeProgress;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Iggy server as a cluster replica: records the replica id the Supervisor sent before the server (re)starts,
 * and counts a start or restart as done only once the cluster lists the replica ({@link ClusterMembership}), so a
 * rolling restart waits for the cluster, not only for {@code /ping}, and a reconfigure whose replica does not
 * come back rolls back like one that does not answer {@code /ping}.
 */
public final class ClusterReplica {

    private final ReplicaFile file;
    private final ClusterMembership membership;
    private final Duration timeout;

    /** @param timeout how long the cluster may take to list a replica after its process is healthy */
    public ClusterReplica(ReplicaFile file, ClusterMembership membership, Duration timeout) {
        this.file = file;
        this.membership = membership;
        this.timeout = timeout;
    }

    /** Records {@code replicaId} (none: the node is no replica) for the server's next start. */
    void record(OptionalInt replicaId) throws IOException {
        file.write(replicaId);
    }

    /** The driver whose starts and restarts also wait for the cluster, when this node is a replica. */
    RuntimeDriver gate(RuntimeDriver driver, OptionalInt replicaId) {
        return replicaId.isEmpty() ? driver : new Gated(driver, replicaId.getAsInt());
    }

    private final class Gated implements RuntimeDriver {
        private final RuntimeDriver driver;
        private final int replicaId;

        Gated(RuntimeDriver driver, int replicaId) {
            this.driver = driver;
            this.replicaId = replicaId;
        }

        @Override
        public String name() {
            return driver.name();
        }

        @Override
        public ActionResult start(RuntimeProgress progress, ActionDeadline deadline) {
            return inCluster(driver.start(progress, deadline), deadline);
        }

        @Override
        public ActionResult stop() {
            return driver.stop();
        }

        @Override
        public ActionResult restart(RuntimeProgress progress, ActionDeadline deadline) {
            return inCluster(driver.restart(progress, deadline), deadline);
        }

        @Override
        public DriverStatus status() {
            return driver.status();
        }

        @Override
        public Optional<HealthProbe.Result> health() {
            return driver.health();
        }

        @Override
        public void maintain() {
            driver.maintain();
        }

        /** Waits for the cluster to list the replica, within the membership timeout and the task's execution timeout. */
        private ActionResult inCluster(ActionResult started, ActionDeadline deadline) {
            if (!started.succeeded()) {
                return started;
            }
            Duration wait = deadline.leftWithin(Clock.systemUTC(), timeout);
            boolean deadlineFirst = wait.compareTo(timeout) < 0;
            ClusterMembership.Answer answer = membership.await(replicaId, wait);
            String message = started.message() + "; " + answer.message();
            if (!answer.member() && deadlineFirst) {
                return ActionResult.timedOut(deadline.timedOut("waiting for the cluster to list replica " + replicaId)
                        + "; " + message, started.pid());
            }
            return new ActionResult(answer.member(), message, started.pid());
        }
    }
}
