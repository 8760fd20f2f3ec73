package io.lodestar.supervisor.webhook;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A webhook disabled for failing too long, enabled again: it goes on where it stopped, in event order. */
@QuarkusTest
@TestProfile(WebhookResumeTest.ShortRetries.class)
class WebhookResumeTest {

    public static class ShortRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supervisor.webhooks.retry-for", "2s", "supervisor.webhooks.timeout", "500ms");
        }
    }

    private static List<String> configNames(List<Receiver.Delivery> deliveries, long deployment) {
        return deliveries.stream().map(WebhookApiTest::envelope).filter(e -> e.path("deployment_id").asLong() == deployment)
                .map(e -> e.get("data").get("name").asText()).toList();
    }

    @Test
    void aDisabledWebhookEnabledAgainGetsTheEventItStoppedOnThenTheQueuedAndTheMissedOnesInOrder() throws Exception {
        long deployment = Api.deploymentOfADisconnectedNode("webhook-resume").id();
        try (Receiver receiver = new Receiver(); SseClient stream = SseClient.open("/events/stream?types=webhook.enabled", null)) {
            receiver.down = true;
            WebhookApiTest.Created webhook = WebhookApiTest.webhook(receiver.url(), List.of("config.created"));
            long id = webhook.id();
            WebhookApiTest.createConfigs(deployment, "queued", 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> "disabled".equals(admin().get("/webhooks/" + id).then().extract().path("status")));
            WebhookApiTest.createConfigs(deployment, "missed", 3); // while disabled: not queued, read from the log when enabled
            Thread.sleep(1000);
            admin().get("/webhooks/" + id + "/deliveries").then().statusCode(200).body("items.size()", equalTo(3))
                    .body("items[2].status", equalTo("failed"));
            admin().post("/webhooks/" + id + "/test").then().statusCode(409).body("detail", containsString("POST /webhooks/" + id + "/enable"));
            int refusedWhileDown = receiver.refused.size();
            assertThat(configNames(receiver.refused, deployment)).as("only the head was tried").containsOnly("queued-00");

            receiver.down = false;
            String enabledBody = admin().post("/webhooks/" + id + "/enable").then().statusCode(200)
                    .body("status", equalTo("active")).body("pending_deliveries", equalTo(6)).body("missed_events_queued", equalTo(3))
                    .body("missed_events_lost", equalTo(false)).body("message", containsString("starting with event"))
                    .extract().response().asString();
            System.out.println("POST /webhooks/" + id + "/enable answered " + enabledBody);
            JsonPath enabled = JsonPath.from(enabledBody);
            admin().get("/webhooks/" + id).then().body("status", equalTo("active")).body("disabled_reason", nullValue());

            await().atMost(Duration.ofSeconds(20)).until(() -> configNames(receiver.accepted, deployment).size() >= 6);
            WebhookApiTest.createConfigs(deployment, "after", 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> configNames(receiver.accepted, deployment).size() >= 7);
            assertThat(configNames(receiver.accepted, deployment)).containsExactly("queued-00", "queued-01", "queued-02",
                    "missed-00", "missed-01", "missed-02", "after-00");
            assertThat(receiver.accepted.get(0).eventId()).isEqualTo(enabled.getString("resumes_at_event"));
            receiver.accepted.forEach(delivery -> WebhookApiTest.assertSigned(webhook.secret(), delivery));
            assertThat(receiver.refused).hasSize(refusedWhileDown);

            SseClient.Event told = stream.next(Duration.ofSeconds(10));
            System.out.println("The stream told: " + told.data());
            assertThat(told.name()).isEqualTo("webhook.enabled");
            JsonNode data = WebhookApiTest.JSON.readTree(told.data()).get("data");
            assertThat(data.get("webhook_id").asLong()).isEqualTo(id);
            assertThat(data.get("message").asText()).isEqualTo(enabled.getString("message"));
            admin().get("/webhooks/" + id + "/deliveries").then().body("items[0].status", equalTo("delivered"))
                    .body("items[6].status", equalTo("delivered")).body("items[6].attempts", equalTo(refusedWhileDown + 1));

            admin().post("/webhooks/" + id + "/enable").then().statusCode(409).body("detail", containsString("is active already"));
            admin().queryParam("action", "POST /webhooks/{webhook_id}/enable").queryParam("target", id).get("/audit-events").then().statusCode(200)
                    .body("items.size()", equalTo(2)).body("items[0].status", equalTo(409)).body("items[1].status", equalTo(200));
            admin().delete("/webhooks/" + id).then().statusCode(200);
        }
    }
}
