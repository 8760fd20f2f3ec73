package io.lodestar.supervisor.tenancy;

import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The attacks a tenant's admin could make on tenancy and keys: creating tenants, granting the operator's
 * permission, revoking keys that hold more than it, and locking its own tenant out.
 */
@QuarkusTest
class OperatorAndRevocationTest {

    @Test
    void aTenantsAdminCannotCreateTenantsNorGrantTheOperatorPermission() {
        String basicAdmin = Api.newTenantKey("basic-attacker");
        as(basicAdmin).get("/api-keys").then().statusCode(200).body("items[0].permissions", not(hasItem("operator")));

        as(basicAdmin).body(Map.of("name", "free enterprise", "plan", "enterprise")).post("/tenants").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("operator"));
        as(basicAdmin).body(Map.of("name", "escalate", "permissions", List.of("operator"))).post("/api-keys").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("cannot grant operator"));

        // What a tenant's admin still does: divisions and environments of its own tenant.
        as(basicAdmin).body(Map.of("name", "eu")).post("/divisions").then().statusCode(201);
        as(basicAdmin).body(Map.of("name", "staging")).post("/environments").then().statusCode(201);
        // The operator creates tenants.
        admin().body(Map.of("name", "by the operator", "plan", "enterprise")).post("/tenants").then().statusCode(201)
                .body("admin_key.permissions", not(hasItem("operator")));
    }

    @Test
    void aKeyRevokesOnlyKeysWhosePermissionsItHolds() {
        String tenantAdmin = Api.newTenantKey("revocation");
        long tenantAdminId = keyIdOf(tenantAdmin);
        String keyManager = (String) as(tenantAdmin).body(Map.of("name", "key manager", "permissions", List.of("apikey:manage")))
                .post("/api-keys").then().statusCode(201).extract().path("key");

        as(keyManager).delete("/api-keys/" + tenantAdminId).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("deployment:manage"));
        as(tenantAdmin).get("/tenants").then().statusCode(200);

        long peer = ((Number) as(keyManager).body(Map.of("name", "peer", "permissions", List.of("apikey:manage")))
                .post("/api-keys").then().statusCode(201).extract().path("id")).longValue();
        as(keyManager).delete("/api-keys/" + peer).then().statusCode(200).body("revoked_at", notNullValue());
    }

    @Test
    void theLastKeyThatManagesATenantIsKeptUnlessTheOperatorRevokesIt() {
        String tenantAdmin = Api.newTenantKey("lockout");
        long tenantAdminId = keyIdOf(tenantAdmin);
        long tenantId = ((Number) as(tenantAdmin).get("/tenants").then().extract().path("items[0].id")).longValue();

        as(tenantAdmin).delete("/api-keys/" + tenantAdminId).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("last usable key holding apikey:manage"));
        as(tenantAdmin).get("/tenants").then().statusCode(200);

        // With a second managing key, the first may go; then the second is the last one.
        Map<?, ?> second = as(tenantAdmin).body(Map.of("name", "second admin", "permissions",
                List.of("apikey:manage", "tenant:manage", "deployment:manage", "agent:manage", "webhook:manage"))).post("/api-keys")
                .then().statusCode(201).extract().as(Map.class);
        String secondKey = (String) second.get("key");
        long secondId = ((Number) second.get("id")).longValue();
        as(secondKey).delete("/api-keys/" + tenantAdminId).then().statusCode(200);
        as(tenantAdmin).get("/tenants").then().statusCode(401);
        as(secondKey).delete("/api-keys/" + secondId).then().statusCode(409);

        // Another tenant's admin cannot use the operator's route; the operator can.
        String stranger = Api.newTenantKey("stranger");
        as(stranger).delete("/tenants/" + tenantId + "/api-keys/" + secondId).then().statusCode(403);
        as(secondKey).get("/tenants").then().statusCode(200);
        admin().delete("/tenants/" + tenantId + "/api-keys/" + secondId).then().statusCode(200)
                .body("revoked_at", notNullValue());
        as(secondKey).get("/tenants").then().statusCode(401);
        admin().delete("/tenants/" + tenantId + "/api-keys/1").then().statusCode(404);
    }

    private static long keyIdOf(String secret) {
        return ((Number) as(secret).get("/api-keys").then().statusCode(200)
                .extract().path("items.find { it.key_prefix == '" + secret.substring(0, 8) + "' }.id")).longValue();
    }
}
