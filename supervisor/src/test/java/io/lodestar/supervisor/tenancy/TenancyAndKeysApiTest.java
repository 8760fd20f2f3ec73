package io.lodestar.supervisor.tenancy;

import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TenancyAndKeysApiTest {

    @Test
    void aKeyIsShownOnceWorksWithItsPermissionsAndIsRefusedOnceRevoked() {
        Map<String, Object> created = admin()
                .body(Map.of("name", "ci", "permissions", List.of("deployment:read"), "expires_at", "2099-01-01T00:00:00Z"))
                .post("/api-keys").then().statusCode(201)
                .body("key", startsWith("ld_")).body("permissions", contains("deployment:read"))
                .body("expires_at", equalTo("2099-01-01T00:00:00Z")).body("revoked_at", nullValue())
                .extract().as(Map.class);
        String secret = (String) created.get("key");
        long id = ((Number) created.get("id")).longValue();

        as(secret).get("/deployments").then().statusCode(200);
        as(secret).body(Map.of("name", "x", "agent_id", 1)).post("/deployments").then().statusCode(403)
                .contentType("application/problem+json");
        admin().get("/api-keys/" + id).then().statusCode(200).body("$", not(hasKey("key"))).body("$", not(hasKey("key_hash")))
                .body("key_prefix", equalTo(secret.substring(0, 8)));
        admin().get("/api-keys?results=100").then().statusCode(200).body("items", everyItem(not(hasKey("key"))))
                .body("items.id", hasItem(id));

        admin().delete("/api-keys/" + id).then().statusCode(200).body("revoked_at", notNullValue());
        as(secret).get("/deployments").then().statusCode(401).contentType("application/problem+json");
        admin().delete("/api-keys/" + id).then().statusCode(200);
    }

    @Test
    void badKeyRequestsAreProblemsAndAKeyCannotGrantWhatItLacks() {
        admin().body(Map.of("permissions", List.of())).post("/api-keys").then().statusCode(400);
        admin().body(Map.of("name", "x", "permissions", List.of("root"))).post("/api-keys").then().statusCode(400)
                .body("detail", startsWith("Unknown permission 'root'"));
        admin().body(Map.of("name", "x", "permissions", "deployment:read")).post("/api-keys").then().statusCode(400);
        admin().body(Map.of("name", "x", "permissions", List.of(), "expires_at", "2001-01-01T00:00:00Z"))
                .post("/api-keys").then().statusCode(400);
        admin().body(Map.of("name", "x", "permissions", List.of(), "expires_at", "tomorrow")).post("/api-keys")
                .then().statusCode(400);
        admin().get("/api-keys/abc").then().statusCode(400);
        admin().delete("/api-keys/1").then().statusCode(404);

        String keyAdmin = Api.keyWith(Permission.APIKEY_MANAGE);
        as(keyAdmin).body(Map.of("name", "x", "permissions", List.of("deployment:manage"))).post("/api-keys")
                .then().statusCode(403).body("detail", startsWith("This API key cannot grant deployment:manage"));
        as(keyAdmin).body(Map.of("name", "x", "permissions", List.of("apikey:manage"))).post("/api-keys").then().statusCode(201);
    }

    @Test
    void aNewTenantIsReachableOnlyThroughItsOwnKeysAndSeesNothingElse() {
        Map<String, Object> tenant = admin().body(Map.of("name", "acme", "plan", "basic")).post("/tenants").then()
                .statusCode(201).body("plan", equalTo("basic")).body("admin_key.key", startsWith("ld_"))
                .extract().as(Map.class);
        String acme = (String) ((Map<?, ?>) tenant.get("admin_key")).get("key");
        long acmeId = ((Number) tenant.get("id")).longValue();
        long adminTenant = ((Number) admin().get("/tenants").then().statusCode(200).extract().path("items[0].id")).longValue();

        as(acme).get("/tenants").then().body("items.id", contains(acmeId)).body("total_results", equalTo(1));
        as(acme).get("/tenants/" + adminTenant).then().statusCode(404);
        admin().get("/tenants/" + acmeId).then().statusCode(404);
        as(acme).get("/tenants/" + acmeId).then().statusCode(200).body("$", not(hasKey("admin_key")));
        as(acme).get("/environments").then().body("items.name", contains("default"));
        as(acme).get("/divisions").then().body("items.name", contains("default"));

        long adminDivision = ((Number) admin().get("/divisions").then().extract().path("items[0].id")).longValue();
        as(acme).get("/divisions/" + adminDivision).then().statusCode(404);
        as(acme).body(Map.of("name", "prod", "division_id", adminDivision)).post("/environments").then().statusCode(404);
        long division = ((Number) as(acme).body(Map.of("name", "eu")).post("/divisions").then().statusCode(201)
                .extract().path("id")).longValue();
        long environment = ((Number) as(acme).body(Map.of("name", "prod", "division_id", division)).post("/environments")
                .then().statusCode(201).body("division_id", equalTo(division)).extract().path("id")).longValue();
        as(acme).get("/environments?division_id=" + division).then().body("items.id", contains(environment));
        admin().get("/environments/" + environment).then().statusCode(404);
        as(acme).get("/api-keys").then().body("items.name", contains("admin"));

        admin().body(Map.of("name", "x", "plan", "platinum")).post("/tenants").then().statusCode(400)
                .body("detail", startsWith("Unknown plan"));
        admin().body(Map.of("plan", "pro")).post("/tenants").then().statusCode(400);
    }
}
