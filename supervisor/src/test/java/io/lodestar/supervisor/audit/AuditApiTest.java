package io.lodestar.supervisor.audit;

import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditApiTest {

    @Test
    void stateChangingRequestsAreRecordedWithTheirOutcomeAndCanBeFiltered() {
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> key = admin().body(Map.of("name", "audited", "permissions", List.of("deployment:read")))
                .post("/api-keys").then().statusCode(201).extract().as(Map.class);
        long keyId = ((Number) key.get("id")).longValue();
        admin().delete("/api-keys/" + keyId).then().statusCode(200);
        String reader = Api.keyWith(Permission.DEPLOYMENT_READ);
        as(reader).body(Map.of("name", "x", "agent_id", 1)).post("/deployments").then().statusCode(403);
        admin().body("{\"name\":\"x\",\"agent_id\":1}").post("/deployments").then().statusCode(400);
        admin().get("/deployments").then().statusCode(200);

        admin().get("/audit-events?target=" + keyId).then().statusCode(200)
                .body("items.action", equalTo(List.of("DELETE /api-keys/{api_key_id}", "POST /api-keys")))
                .body("items.outcome", everyItem(equalTo("succeeded")))
                .body("items[0].status", equalTo(200)).body("items[1].status", equalTo(201));
        admin().get("/audit-events?outcome=denied&action=POST /deployments").then()
                .body("items", hasSize(1)).body("items[0].status", equalTo(403));
        admin().get("/audit-events?outcome=rejected&action=POST /deployments").then().body("items[0].status", equalTo(400));
        admin().get("/audit-events?since=" + before + "&until=2999-01-01T00:00:00Z&results=100").then()
                .body("items.method", everyItem(org.hamcrest.Matchers.not("GET")));
        long adminKeyId = ((Number) admin().get("/audit-events?action=POST /api-keys").then().extract()
                .path("items[0].actor_id")).longValue();
        admin().get("/audit-events?actor=" + adminKeyId + "&results=100").then().body("items.actor_id", everyItem(equalTo(adminKeyId)));

        admin().get("/audit-events?outcome=maybe").then().statusCode(400);
        admin().get("/audit-events?since=yesterday").then().statusCode(400);
        admin().get("/audit-events?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z").then().statusCode(400);
        admin().get("/audit-events?results=0").then().statusCode(400);
    }

    @Test
    void refusalsWithoutAKeyAndUnknownRoutesAreRecordedToo() {
        io.restassured.RestAssured.given().post("/deployments/5/restart").then().statusCode(401);
        admin().post("/no-such-route/7").then().statusCode(404);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                    "route in ?1 order by id desc", List.of("/deployments/{deployment_id}/restart", "/no-such-route/7")));
            assertThat(events).extracting(e -> e.status).contains(401, 404);
            assertThat(events).filteredOn(e -> e.status == 401).allSatisfy(e -> {
                assertThat(e.tenantId).isNull();
                assertThat(e.targetId).isEqualTo(5L);
                assertThat(e.outcome).isEqualTo("denied");
            });
        });
        admin().get("/audit-events?results=100").then().body("items.status", org.hamcrest.Matchers.not(hasItem(401)));
    }

    @Test
    void aRefusedReadIsRecordedWithTheKeyAndTheRoute() {
        String agentsOnly = Api.keyWith(Permission.AGENT_READ);
        long keyId = Api.keyId(agentsOnly);
        as(agentsOnly).get("/deployments").then().statusCode(403);
        as(agentsOnly).get("/agents").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> admin().get("/audit-events?actor=" + keyId).then()
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("GET /deployments"))
                .body("items[0].method", equalTo("GET"))
                .body("items[0].status", equalTo(403))
                .body("items[0].outcome", equalTo("denied")));
    }
}
