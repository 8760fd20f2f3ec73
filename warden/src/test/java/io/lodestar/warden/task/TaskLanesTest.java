package io.lodestar.warden.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskLanesTest {

    private final TaskLanes lanes = new TaskLanes();

    @AfterEach
    void close() {
        lanes.close(Duration.ofSeconds(1));
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void workInOneLaneRunsOneAtATimeInOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);

        lanes.submit("runtime-iggy", () -> {
            events.add("first started");
            hold(release);
            events.add("first done");
        });
        lanes.submit("runtime-iggy", () -> events.add("second"));

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> events.size() == 1);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 3);
        assertThat(events).containsExactly("first started", "first done", "second");
    }

    @Test
    void lanesRunInParallel() {
        CountDownLatch iggyHeld = new CountDownLatch(1);
        CountDownLatch connectorsRan = new CountDownLatch(1);

        lanes.submit("runtime-iggy", () -> hold(iggyHeld));
        lanes.submit("runtime-connectors", connectorsRan::countDown);

        await().atMost(Duration.ofSeconds(5)).until(() -> connectorsRan.getCount() == 0);
        iggyHeld.countDown();
    }
}
