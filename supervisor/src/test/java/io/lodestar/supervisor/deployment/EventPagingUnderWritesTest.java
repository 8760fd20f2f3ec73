package io.lodestar.supervisor.deployment;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.placement.Deployment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Paging a deployment's events with before_id while other threads keep writing events to it. */
@QuarkusTest
class EventPagingUnderWritesTest {

    @Inject
    DeploymentLifecycle lifecycle;

    @Test
    void keysetPagesHaveNoDuplicatesAndNoGapsWhileEventsAreWritten() throws Exception {
        long deploymentId;
        try (FakeWarden warden = Api.connectedWarden()) {
            deploymentId = Api.deployment("paging", List.of(warden.nodeId()));
        }
        for (int i = 0; i < 150; i++) {
            write(deploymentId, "seed " + i);
        }
        Set<Long> before = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> DeploymentEvent.getEntityManager()
                .createQuery("select e.id from DeploymentEvent e where e.deploymentId = :d", Long.class)
                .setParameter("d", deploymentId).getResultList()));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        for (int w = 0; w < 2; w++) {
            writers.submit(() -> {
                while (writing.get()) {
                    write(deploymentId, "concurrent");
                    written.incrementAndGet();
                }
                return null;
            });
        }
        List<Long> seen = new ArrayList<>();
        try {
            String query = "/deployments/" + deploymentId + "/events?results=10";
            Long cursor = null;
            while (true) {
                List<Number> page = admin().get(cursor == null ? query : query + "&before_id=" + cursor).then().statusCode(200)
                        .extract().path("items.id");
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(id -> seen.add(id.longValue()));
                cursor = seen.get(seen.size() - 1);
                Thread.sleep(2); // let the writers interleave with the reader
            }
        } finally {
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(written.get()).as("the writers really ran while paging").isGreaterThan(10);
        assertThat(new HashSet<>(seen)).as("no duplicates").hasSize(seen.size());
        assertThat(seen).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seen).as("no gaps: every event that existed when paging began").containsAll(before);
    }

    private void write(long deploymentId, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            Deployment deployment = Deployment.findById(deploymentId);
            lifecycle.record(deployment, DeploymentEventType.NODE_RUNNING, message, null, null);
        });
    }
}
