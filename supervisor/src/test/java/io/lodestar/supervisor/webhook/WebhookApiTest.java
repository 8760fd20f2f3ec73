package io.lodestar.supervisor.webhook;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class WebhookApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    record Created(long id, String secret) {
    }

    /** A webhook left behind would keep trying its closed receiver; each test starts with none. */
    @AfterEach
    void deleteWebhooks() {
        List<Number> ids = admin().get("/webhooks?results=100").then().statusCode(200).extract().path("items.id");
        ids.forEach(id -> admin().delete("/webhooks/" + id).then().statusCode(200));
    }

    static Created webhook(String url, List<String> types) {
        ExtractableResponse<Response> created = admin().body(Map.of("url", url, "event_types", types)).post("/webhooks")
                .then().statusCode(201).body("status", equalTo("active")).body("secret", containsString("whsec_"))
                .extract();
        return new Created(((Number) created.path("id")).longValue(), created.path("secret"));
    }

    static void createConfigs(long deployment, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            admin().body(Map.of("runtime", "iggy", "name", String.format("%s-%02d", prefix, i), "content", "[system]\n"))
                    .post("/deployments/" + deployment + "/configs").then().statusCode(201);
        }
    }

    static JsonNode envelope(Receiver.Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (Exception e) {
            throw new AssertionError(delivery.body(), e);
        }
    }

    /** The documented check, in Java: HMAC-SHA256 of "t.body" with the secret, and a recent t. */
    static void assertSigned(String secret, Receiver.Delivery delivery) {
        String[] parts = delivery.signature().split(",");
        assertThat(parts[0]).startsWith("t=");
        assertThat(parts[1]).startsWith("v1=");
        long t = Long.parseLong(parts[0].substring(2));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
        assertThat(parts[1].substring(3)).isEqualTo(WebhookSignature.hmac(secret, t + "." + delivery.body()));
    }

    @Test
    void everyDeliveryIsSignedInOrderAndLogged() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long deployment = Api.deploymentOfADisconnectedNode("hooks-signed").id();
            Created hook = webhook(receiver.url(), List.of("config.created", "webhook.test"));
            admin().get("/webhooks/" + hook.id()).then().statusCode(200).body("secret", nullValue())
                    .body("event_types", equalTo(List.of("config.created", "webhook.test"))).body("url", equalTo(receiver.url()));
            admin().post("/webhooks/" + hook.id() + "/test").then().statusCode(202).body("event_type", equalTo("webhook.test"));
            createConfigs(deployment, "signed", 5);
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted.size() >= 6);
            List<Receiver.Delivery> got = receiver.accepted;
            got.forEach(delivery -> assertSigned(hook.secret(), delivery));
            assertThat(got.get(0).eventType()).isEqualTo("webhook.test");
            assertThat(envelope(got.get(0)).get("data").get("webhook_id").asLong()).isEqualTo(hook.id());
            List<String> names = got.subList(1, 6).stream().map(d -> envelope(d).get("data").get("name").asText()).toList();
            assertThat(names).containsExactly("signed-00", "signed-01", "signed-02", "signed-03", "signed-04");
            assertThat(got.stream().map(d -> Long.parseLong(d.eventId())).toList()).isSorted().doesNotHaveDuplicates();
            assertThat(got).allSatisfy(d -> assertThat(envelope(d).get("id").asText()).isEqualTo(d.eventId()));
            admin().get("/webhooks/" + hook.id() + "/deliveries?results=100").then().statusCode(200)
                    .body("total_results", equalTo(6))
                    .body("items[0].status", equalTo("delivered")).body("items[0].answer_code", equalTo(204))
                    .body("items[0].attempts", equalTo(1)).body("items[0].event_type", equalTo("config.created"))
                    .body("items.status", not(hasItem("pending")));
            assertThat(receiver.accepted).hasSize(6);
        }
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventAfterwardsInOrderOnce() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long deployment = Api.deploymentOfADisconnectedNode("hooks-down").id();
            Created hook = webhook(receiver.url(), List.of("config.created"));
            receiver.down = true;
            createConfigs(deployment, "down", 8);
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.refused.size() >= 3);
            ExtractableResponse<Response> log = admin().get("/webhooks/" + hook.id() + "/deliveries?results=100").then()
                    .statusCode(200).extract();
            List<Map<String, Object>> items = log.path("items");
            Map<String, Object> oldest = items.get(items.size() - 1);
            assertThat(oldest).containsEntry("status", "pending").containsEntry("answer_code", 503);
            assertThat((Integer) oldest.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(oldest.get("next_attempt_at")).isNotNull();
            assertThat(oldest.get("last_error").toString()).contains("503");
            // While it is down only the oldest delivery is tried: the others wait their turn.
            assertThat(receiver.refused).allSatisfy(d -> assertThat(d.eventId()).isEqualTo(receiver.refused.get(0).eventId()));
            receiver.down = false;
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted.size() >= 8);
            TimeUnit.MILLISECONDS.sleep(500);
            List<String> names = new ArrayList<>();
            receiver.accepted.forEach(d -> {
                assertSigned(hook.secret(), d);
                names.add(envelope(d).get("data").get("name").asText());
            });
            assertThat(names).containsExactly("down-00", "down-01", "down-02", "down-03", "down-04", "down-05", "down-06", "down-07");
        }
    }

    @Test
    void theDocumentedRecipesAcceptARealDeliveryAndRefuseABadSecretOrAnOldTimestamp() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Created hook = webhook(receiver.url(), List.of());
            admin().post("/webhooks/" + hook.id() + "/test").then().statusCode(202);
            await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.accepted.isEmpty());
            Receiver.Delivery delivery = receiver.accepted.get(0);
            Path body = Files.createTempFile("delivery", ".json");
            Files.writeString(body, delivery.body(), StandardCharsets.UTF_8);
            long old = Instant.now().getEpochSecond() - 600;
            String oldHeader = "t=" + old + ",v1=" + WebhookSignature.hmac(hook.secret(), old + "." + delivery.body());
            for (List<String> recipe : List.of(List.of("python3", "../docs/api/webhook_verify.py"), List.of("sh", "../docs/api/webhook-verify.sh"))) {
                assertThat(run(recipe, hook.secret(), delivery.signature(), body)).as(recipe + " on a real delivery").isZero();
                assertThat(run(recipe, "whsec_wrong", delivery.signature(), body)).as(recipe + " with a bad secret").isOne();
                assertThat(run(recipe, hook.secret(), oldHeader, body)).as(recipe + " with a 10-minute-old timestamp").isOne();
            }
        }
    }

    private static int run(List<String> recipe, String secret, String header, Path body) throws Exception {
        List<String> command = new ArrayList<>(recipe);
        command.add(secret);
        command.add(header);
        Process process = new ProcessBuilder(command).redirectInput(body.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        System.out.println(recipe + ": " + output.strip());
        return process.exitValue();
    }

    @Test
    void badBodiesAndOtherTenantsAreProblems() {
        admin().body(Map.of("url", "ftp://example.com/x")).post("/webhooks").then().statusCode(400)
                .body("detail", containsString("http:// or https://"));
        admin().body(Map.of("url", "http://127.0.0.1:9/x", "event_types", List.of("node.gone"))).post("/webhooks").then().statusCode(400)
                .body("detail", containsString("unknown event type 'node.gone'"));
        admin().body(Map.of("url", "http://no-such-host.invalid/x")).post("/webhooks").then().statusCode(400)
                .body("detail", containsString("does not resolve"));
        admin().body(Map.of()).post("/webhooks").then().statusCode(400).body("detail", containsString("url"));
        admin().post("/webhooks").then().statusCode(400);
        long id = webhook("http://127.0.0.1:9/other", List.of()).id();
        String other = Api.newTenantKey("hooks-other");
        Api.as(other).get("/webhooks/" + id).then().statusCode(404);
        Api.as(other).get("/webhooks").then().statusCode(200).body("total_results", equalTo(0));
        Api.as(Api.keyWith(Permission.DEPLOYMENT_MANAGE)).get("/webhooks").then().statusCode(403);
        admin().delete("/webhooks/" + id).then().statusCode(200).body("deleted", equalTo(true));
        admin().get("/webhooks/" + id).then().statusCode(404);
    }
}
