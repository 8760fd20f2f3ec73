package io.lodestar.supervisor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.supervisor.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The second half of the restart test, on a Supervisor started again on the first one's database: see {@link EventsRestart}. */
@QuarkusTest
@TestProfile(EventsRestart.SecondRun.class)
class StreamRestartPart2Test {

    @Test
    void afterTheRestartTheClientResumesWithLastEventIdAndGetsEachMissedEventOnceInOrder() throws Exception {
        assertThat(EventsRestart.HANDOVER).as("StreamRestartPart1Test runs first (run both: -Dtest='StreamRestartPart*Test')").exists();
        JsonNode handover = EventStreamApiTest.JSON.readTree(Files.readString(EventsRestart.HANDOVER));
        Files.delete(EventsRestart.HANDOVER);
        long deployment = handover.get("deployment_id").asLong();
        String lastEventId = handover.get("last_event_id").asText();
        String stream = "/deployments/" + deployment + "/events/stream?types=config.created";
        List<SseClient.Event> missed;
        try (SseClient resumed = SseClient.open(stream, lastEventId)) {
            missed = resumed.take(33, Duration.ofSeconds(20));
            assertThat(resumed.next(Duration.ofMillis(800))).as("nothing more than the 33 missed").isNull();
            EventStreamApiTest.createConfigs(deployment, "after", 1);
            SseClient.Event after = resumed.next(Duration.ofSeconds(10));
            assertThat(EventStreamApiTest.configName(after)).isEqualTo("after-00");
            assertThat(after.longId()).isGreaterThan(missed.get(missed.size() - 1).longId());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 7; i < 40; i++) {
            expected.add(String.format("restart-%02d", i));
        }
        assertThat(missed.stream().map(EventStreamApiTest::configName).toList()).containsExactlyElementsOf(expected);
        assertThat(missed.stream().map(SseClient.Event::longId).toList()).isSorted().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(lastEventId)));
    }
}
