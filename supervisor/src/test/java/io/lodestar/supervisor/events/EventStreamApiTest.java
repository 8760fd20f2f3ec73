package io.lodestar.supervisor.events;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.SseClient;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventStreamApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventSequencer sequencer;

    /** Creates config versions one after another (each a config.created event), named prefix-00, prefix-01 … */
    static void createConfigs(long deployment, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            admin().body(Map.of("runtime", "iggy", "name", String.format("%s-%02d", prefix, i), "content", "[system]\n"))
                    .post("/deployments/" + deployment + "/configs").then().statusCode(201);
        }
    }

    static String configName(SseClient.Event event) {
        try {
            JsonNode envelope = JSON.readTree(event.data());
            assertThat(envelope.get("id").asText()).isEqualTo(event.id());
            assertThat(envelope.get("type").asText()).isEqualTo(event.name());
            return envelope.get("data").get("name").asText();
        } catch (Exception e) {
            throw new AssertionError("Not an event envelope: " + event.data(), e);
        }
    }

    @Test
    void aClientCutOffDuringABurstResumesWithLastEventIdAndGetsEachMissedEventOnceInOrder() throws Exception {
        long deployment = Api.deploymentOfADisconnectedNode("events-burst").id();
        String stream = "/deployments/" + deployment + "/events/stream?types=config.created";
        List<SseClient.Event> seen = new ArrayList<>();
        CompletableFuture<Void> burst;
        try (SseClient first = SseClient.open(stream, null)) {
            burst = CompletableFuture.runAsync(() -> createConfigs(deployment, "burst", 60));
            seen.addAll(first.take(12, Duration.ofSeconds(20)));
        } // the connection drops in the middle of the burst
        burst.get();
        String lastEventId = seen.get(seen.size() - 1).id();
        try (SseClient resumed = SseClient.open(stream, lastEventId)) {
            seen.addAll(resumed.take(48, Duration.ofSeconds(20)));
            assertThat(resumed.next(Duration.ofMillis(700))).as("nothing after the last event").isNull();
        }
        List<String> names = seen.stream().map(EventStreamApiTest::configName).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expected.add(String.format("burst-%02d", i));
        }
        assertThat(names).containsExactlyElementsOf(expected);
        List<Long> ids = seen.stream().map(SseClient.Event::longId).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(event -> assertThat(event.name()).isEqualTo("config.created"));
    }

    @Test
    void theTenantStreamCarriesActivitiesAndDeploymentEventsAndNoOtherTenantsEvents() throws Exception {
        String otherKey = Api.newTenantKey("events-other");
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (SseClient mine = SseClient.open("/events/stream", null);
                SseClient theirs = SseClient.open(otherKey, port, "/events/stream", null)) {
            long deployment = Api.deploymentOfADisconnectedNode("events-tenant").id();
            List<SseClient.Event> events = new ArrayList<>();
            while (events.stream().noneMatch(e -> e.name().equals("activity.created"))) {
                SseClient.Event event = mine.next(Duration.ofSeconds(10));
                assertThat(event).as("events so far: " + events).isNotNull();
                events.add(event);
            }
            assertThat(events).extracting(SseClient.Event::name).contains("deployment.created", "activity.created");
            JsonNode created = JSON.readTree(events.stream().filter(e -> e.name().equals("deployment.created")).findFirst().orElseThrow().data());
            assertThat(created.get("deployment_id").asLong()).isEqualTo(deployment);
            assertThat(created.get("data").get("status").asText()).isEqualTo("deploying");
            assertThat(theirs.next(Duration.ofMillis(800))).as("another tenant's stream shows nothing of ours").isNull();
        }
    }

    @Test
    void idleStreamsGetKeepAliveComments() throws Exception {
        try (SseClient idle = SseClient.open("/events/stream?types=webhook.disabled", null)) {
            Thread.sleep(2500);
            assertThat(idle.comments()).as("the open comment and keep-alives").isGreaterThanOrEqualTo(2);
            assertThat(idle.ended()).isFalse();
        }
    }

    @Test
    void aResumeFromPastTheRetentionWindowIsToldWithAnEventsLostEvent() throws Exception {
        long deployment = Api.deploymentOfADisconnectedNode("events-retention").id();
        createConfigs(deployment, "old", 2);
        String stream = "/deployments/" + deployment + "/events/stream?types=config.created";
        long firstId;
        try (SseClient all = SseClient.open(stream, "0")) {
            // 0: from the oldest event kept; these two are among them
            List<SseClient.Event> kept = new ArrayList<>();
            while (kept.stream().filter(e -> configName(e).startsWith("old-")).count() < 2) {
                SseClient.Event event = all.next(Duration.ofSeconds(10));
                assertThat(event).isNotNull();
                kept.add(event);
            }
            firstId = kept.stream().filter(e -> configName(e).equals("old-00")).findFirst().orElseThrow().longId();
        }
        sequencer.prune(Instant.now().plusSeconds(1)); // as if the retention window had passed for every event so far
        createConfigs(deployment, "new", 1);
        try (SseClient resumed = SseClient.open(stream, Long.toString(firstId))) {
            SseClient.Event lost = resumed.next(Duration.ofSeconds(10));
            assertThat(lost.name()).isEqualTo("events_lost");
            JsonNode body = JSON.readTree(lost.data());
            assertThat(body.get("last_event_id").asLong()).isEqualTo(firstId);
            assertThat(body.get("resumes_after").asLong()).isEqualTo(lost.longId()).isGreaterThan(firstId);
            assertThat(body.get("message").asText()).contains("retention");
            SseClient.Event next = resumed.next(Duration.ofSeconds(10));
            assertThat(configName(next)).isEqualTo("new-00");
        }
    }

    @Test
    void badFiltersIdsAndScopesAreProblems() {
        admin().get("/events/stream?types=node.gone").then().statusCode(400)
                .body("detail", containsString("unknown event type 'node.gone'")).body("detail", containsString("node.unreachable"));
        admin().header("Last-Event-ID", "abc").get("/events/stream").then().statusCode(400)
                .body("detail", containsString("Last-Event-ID must be"));
        admin().get("/deployments/1/events/stream").then().statusCode(404);
        Api.as(Api.keyWith(Permission.AGENT_READ)).get("/events/stream").then().statusCode(403);
    }
}
