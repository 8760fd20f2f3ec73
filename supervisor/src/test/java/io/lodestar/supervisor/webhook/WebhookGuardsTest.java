package io.lodestar.supervisor.webhook;

import static io.lodestar.supervisor.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the operator's defaults for targets (no internal addresses) and a short retry window. */
@QuarkusTest
@TestProfile(WebhookGuardsTest.Strict.class)
class WebhookGuardsTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supervisor.webhooks.allow-internal-targets", "false", "supervisor.webhooks.retry-for", "2s",
                    "supervisor.webhooks.timeout", "500ms");
        }
    }

    @Test
    void loopbackLinkLocalAndMetadataTargetsAreRefusedNamingWhy() {
        refused("http://127.0.0.1:8080/hook", "127.0.0.1, a loopback address");
        refused("http://localhost/hook", "a loopback address");
        refused("http://[::1]/hook", "a loopback address");
        refused("http://169.254.169.254/latest/meta-data/", "169.254.169.254, a cloud metadata address");
        refused("http://169.254.10.1/hook", "a link-local address");
        refused("http://[fe80::1]/hook", "a link-local address");
        refused("http://100.100.100.200/hook", "a cloud metadata address");
        refused("http://0.0.0.0/hook", "the unspecified");
    }

    private static void refused(String url, String why) {
        admin().body(Map.of("url", url)).post("/webhooks").then().statusCode(400)
                .body("detail", containsString(why)).body("detail", containsString("supervisor.webhooks.allow-internal-targets"));
    }

    @Test
    void aWebhookFailingPastTheRetryWindowIsDisabledWithAnEventSayingSo() throws Exception {
        // TEST-NET-1 (192.0.2.0/24) is reserved for documentation: nothing answers there.
        try (SseClient stream = SseClient.open("/events/stream?types=webhook.disabled", null)) {
            long id = ((Number) admin().body(Map.of("url", "http://192.0.2.1:9/hook", "event_types", List.of("webhook.test")))
                    .post("/webhooks").then().statusCode(201).extract().path("id")).longValue();
            admin().post("/webhooks/" + id + "/test").then().statusCode(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> "disabled".equals(admin().get("/webhooks/" + id).then().extract().path("status")));
            admin().get("/webhooks/" + id).then().body("disabled_reason", containsString("Deliveries failed for PT2S"));
            admin().get("/webhooks/" + id + "/deliveries").then().statusCode(200).body("items[0].status", equalTo("failed"))
                    .body("items[0].event_type", equalTo("webhook.test"));
            SseClient.Event disabled = stream.next(Duration.ofSeconds(10));
            org.assertj.core.api.Assertions.assertThat(disabled.name()).isEqualTo("webhook.disabled");
            org.assertj.core.api.Assertions.assertThat(disabled.data()).contains("\"webhook_id\":" + id);
            admin().post("/webhooks/" + id + "/test").then().statusCode(409).body("detail", containsString("is disabled"));
        }
    }
}
