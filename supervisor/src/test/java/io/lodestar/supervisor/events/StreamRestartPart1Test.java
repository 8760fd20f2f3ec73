package io.lodestar.supervisor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The first half of the restart test: see {@link EventsRestart}. */
@QuarkusTest
@TestProfile(EventsRestart.FirstRun.class)
class StreamRestartPart1Test {

    @Test
    void aClientCutOffDuringABurstLeavesTheRestForAfterTheRestart() throws Exception {
        long deployment = Api.deploymentOfADisconnectedNode("restart-burst").id();
        String stream = "/deployments/" + deployment + "/events/stream?types=config.created";
        List<SseClient.Event> seen = new ArrayList<>();
        try (SseClient client = SseClient.open(stream, null)) {
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> EventStreamApiTest.createConfigs(deployment, "restart", 40));
            seen.addAll(client.take(7, Duration.ofSeconds(20)));
            client.close();
            burst.get();
        }
        assertThat(seen.stream().map(EventStreamApiTest::configName).toList())
                .containsExactly("restart-00", "restart-01", "restart-02", "restart-03", "restart-04", "restart-05", "restart-06");
        Files.createDirectories(EventsRestart.DIR);
        Files.writeString(EventsRestart.HANDOVER, EventStreamApiTest.JSON.writeValueAsString(Map.of(
                "deployment_id", Long.toString(deployment), "last_event_id", seen.get(seen.size() - 1).id())));
    }
}
