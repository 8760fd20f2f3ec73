package io.lodestar.supervisor.limits;

import static io.lodestar.supervisor.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The limits one key meets, with small values so a test reaches them: rate, nodes per request, log follows. */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
class LimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("supervisor.limits.rate.read-requests", "5", "supervisor.limits.rate.read-window", "10s",
                    "supervisor.limits.rate.write-requests", "3", "supervisor.limits.rate.write-window", "60s",
                    "supervisor.limits.nodes-per-request", "2", "supervisor.limits.log-follows-per-key", "1");
        }
    }

    @Test
    void aKeyPastItsReadQuotaWaitsRetryAfterWhileItsActionsAndOtherKeysGoOn() throws InterruptedException {
        String hammer = Api.keyWith(Permission.DEPLOYMENT_READ, Permission.TENANT_MANAGE);
        String bystander = Api.keyWith(Permission.DEPLOYMENT_READ);

        as(hammer).get("/deployments").then().statusCode(200)
                .header("RateLimit-Policy", "\"read\";q=5;w=10").header("RateLimit", containsString("\"read\";r=4;t="));
        Response refused = as(hammer).get("/deployments");
        for (int sent = 2; refused.statusCode() == 200 && sent < 20; sent++) { // a slow host refills a token now and then
            refused = as(hammer).get("/deployments");
        }
        refused.then().statusCode(429).contentType("application/problem+json")
                .header("RateLimit-Policy", "\"read\";q=5;w=10").header("RateLimit", containsString("\"read\";r=0;"))
                .body("detail", containsString("5 read requests per 10s"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L); // one token every 2s

        // A burst of reads starves neither this key's actions nor another key.
        as(hammer).body(Map.of("name", "still acting")).post("/divisions").then().statusCode(201)
                .header("RateLimit-Policy", "\"write\";q=3;w=60").header("RateLimit", containsString("\"write\";r=2;"));
        as(bystander).get("/deployments").then().statusCode(200).header("RateLimit", containsString("\"read\";r=4;"));

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        as(hammer).get("/deployments").then().statusCode(200);
    }

    @Test
    void aRequestNamingTooManyNodesIsRefused() {
        String deployer = Api.keyWith(Permission.DEPLOYMENT_MANAGE);
        as(deployer).body(Map.of("name", "wide", "agent_ids", List.of(1, 2, 3))).post("/deployments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("agent_ids names 3 nodes; one request may name at most 2. Split it into several requests."));
        as(deployer).body(Map.of("nodes", List.of(1, 2, 3))).post("/deployments/1/activities/iggy/restart").then()
                .statusCode(400).body("detail", containsString("nodes names 3 nodes; one request may name at most 2"));
    }

    @Test
    void aKeyHoldsNoMoreLogFollowsThanItsLimit() throws Exception {
        try (FakeWarden warden = Api.connectedWarden()) {
            warden.keepBeating();
            long deployment = Api.deployment("follow-limit", List.of(warden.nodeId()));
            String follower = Api.keyWith(Permission.DEPLOYMENT_READ);
            String other = Api.keyWith(Permission.DEPLOYMENT_READ);
            String stream = "/deployments/" + deployment + "/logs/stream";
            try (Socket first = follow(stream, follower)) {
                assertThat(statusLine(first)).startsWith("HTTP/1.1 200");
                as(follower).accept("text/event-stream").get(stream).then().statusCode(429)
                        .contentType("application/problem+json")
                        .body("detail", containsString("already holds 1 open log follows"));
                try (Socket others = follow(stream, other)) {
                    assertThat(statusLine(others)).startsWith("HTTP/1.1 200");
                }
            }
            // The first follow's connection is gone: its place is free again.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (Socket again = follow(stream, follower)) {
                    assertThat(statusLine(again)).startsWith("HTTP/1.1 200");
                }
            });
        }
    }

    private static Socket follow(String path, String key) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + "ld-api-key: " + key + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
}
