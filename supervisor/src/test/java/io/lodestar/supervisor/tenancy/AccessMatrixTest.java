package io.lodestar.supervisor.tenancy;

import static io.lodestar.supervisor.Api.admin;
import static io.lodestar.supervisor.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.RouteCatalog;
import io.lodestar.supervisor.RouteCatalog.Route;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every route the Supervisor has (from its JAX-RS annotations, so a new route is covered without a line
 * here) × missing key / expired key / revoked key / key without the permission / key of another tenant:
 * 401 / 401 / 401 / 403 / 404 (403 on the operator's routes, whose permission no tenant's key holds). Path ids
 * are real resources of the admin's tenant.
 */
@QuarkusTest
class AccessMatrixTest {

    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void resourcesOfTheAdminTenant() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            long deployment = Api.deployment("matrix", List.of(warden.nodeId()));
            ids.put("agent_id", String.valueOf(warden.nodeId()));
            ids.put("deployment_id", String.valueOf(deployment));
            ids.put("activity_id", admin().get("/deployments/" + deployment + "/activities").then().extract()
                    .path("items[0].id").toString());
        }
        ids.put("api_key_id", admin().body(Map.of("name", "matrix", "permissions", List.of())).post("/api-keys")
                .then().statusCode(201).extract().path("id").toString());
        ids.put("tenant_id", admin().get("/tenants").then().extract().path("items[0].id").toString());
        ids.put("division_id", admin().get("/divisions").then().extract().path("items[0].id").toString());
        ids.put("environment_id", admin().get("/environments").then().extract().path("items[0].id").toString());
        ids.put("webhook_id", admin().body(Map.of("url", "http://127.0.0.1:9/matrix")).post("/webhooks")
                .then().statusCode(201).extract().path("id").toString());
        ids.put("runtime", "iggy");
        ids.put("action", "start");
    }

    @Test
    void everyRouteRefusesAsTheConventionsSay() {
        String expired = Api.expiredKeyWith(Permission.values());
        String revoked = Api.revokedKeyWith(Permission.values());
        String otherTenant = Api.newTenantKey("matrix-other");
        List<Route> routes = RouteCatalog.all();
        assertThat(routes).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            if (route.permission().isEmpty()) {
                wrong.add(route + " has no @RequiresPermission");
                continue;
            }
            String path = route.path(name -> ids.getOrDefault(name, "1"));
            expect(wrong, route, "missing key", call(given().contentType("application/json"), route, path), 401);
            expect(wrong, route, "expired key", call(as(expired), route, path), 401);
            expect(wrong, route, "revoked key", call(as(revoked), route, path), 401);
            expect(wrong, route, "key without " + route.permission().get().wireName(),
                    call(as(Api.keyWith(lacking(route.permission().get()))), route, path), 403);
        }
        // Another tenant's key: collections first (they must not show anything of the admin's tenant), then
        // the routes naming one of its resources, which must be 404 (after those, the other tenant's own
        // audit log holds the ids it probed: its own input, not a leak).
        for (Route route : routes) {
            if (route.pathParameters().stream().anyMatch(ids::containsKey) || streams(route)) {
                continue; // a stream of the other tenant's own would not end; EventStreamApiTest shows it sees nothing of ours
            }
            Response answer = call(as(otherTenant), route, route.path(name -> ids.getOrDefault(name, "1")));
            String body = answer.asString();
            ids.values().stream().filter(id -> id.length() > 6 && body.contains(id))
                    .forEach(id -> wrong.add(route + " with another tenant's key shows the admin tenant's id " + id));
            if (answer.statusCode() == 403 && !operators(route)) {
                wrong.add(route + " with another tenant's key is 403");
            }
        }
        for (Route route : routes) {
            if (route.pathParameters().stream().noneMatch(ids::containsKey)) {
                continue;
            }
            String path = route.path(name -> ids.getOrDefault(name, "1"));
            Response answer = call(as(otherTenant), route, path);
            int expected = operators(route) ? 403 : 404;
            if (answer.statusCode() != expected) {
                wrong.add(route + " with another tenant's key: expected " + expected + ", got " + answer.statusCode() + " "
                        + answer.asString());
            }
        }
        System.out.println("Access matrix: " + routes.size() + " routes");
        assertThat(wrong).isEmpty();
        // Nothing of the admin tenant was changed by the refused calls.
        admin().get("/deployments/" + ids.get("deployment_id")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.not("killed"));
        admin().get("/api-keys/" + ids.get("api_key_id")).then().body("revoked_at", org.hamcrest.Matchers.nullValue());
    }

    /** Server-sent event streams: answered with a stream that stays open. */
    private static boolean streams(Route route) {
        jakarta.ws.rs.Produces produces = route.javaMethod().getAnnotation(jakarta.ws.rs.Produces.class);
        return produces != null && List.of(produces.value()).contains(jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS);
    }

    /** The operator's routes: no tenant's key can hold their permission, so another tenant's key is a 403 there. */
    private static boolean operators(Route route) {
        return route.permission().orElseThrow() == Permission.OPERATOR;
    }

    /** Every permission except those that grant the wanted one. */
    private static Permission[] lacking(Permission wanted) {
        EnumSet<Permission> others = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (!p.grants(wanted)) {
                others.add(p);
            }
        }
        return others.toArray(Permission[]::new);
    }

    private static void expect(List<String> wrong, Route route, String who, Response answer, int expected) {
        int status = answer.statusCode();
        if (status != expected || !answer.contentType().startsWith("application/problem+json")) {
            wrong.add(route + " with " + who + ": expected " + expected + ", got " + status);
        }
    }

    private static Response call(RequestSpecification request, Route route, String path) {
        return request.body("{}").request(route.method(), path);
    }
}
