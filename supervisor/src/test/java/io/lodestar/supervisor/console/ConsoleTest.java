package io.lodestar.supervisor.console;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.tenancy.Permission;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console's files and its sign-in: a key is exchanged for an HttpOnly, SameSite=Strict session cookie,
 * which the API then accepts in place of the ld-api-key header, with a CSRF token required on writes.
 */
@QuarkusTest
class ConsoleTest {

    @Test
    void theIndexIsNeverCachedAndNamesVersionedAssetsCachedForAYear() {
        String index = given().redirects().follow(true).get("/console").then().statusCode(200)
                .header("Cache-Control", "no-cache").header("Content-Security-Policy", containsString("default-src 'self'"))
                .contentType(containsString("text/html")).extract().asString();
        String app = index.replaceAll("(?s).*src=\"(/console/assets/[0-9a-f]{12}/app\\.js)\".*", "$1");
        assertThat(app).startsWith("/console/assets/");
        given().get(app).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(containsString("text/javascript"));
        given().header("Accept-Encoding", "gzip").get(app).then().header("Content-Encoding", "gzip");
        given().get("/console/assets/000000000000/app.js").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("reload /console/"));
    }

    @Test
    void aKeyBecomesAnHttpOnlyStrictCookieThatTheApiAccepts() {
        Response signIn = given().contentType("application/json").body(Map.of("key", Api.ADMIN_KEY)).post("/console/session");
        signIn.then().statusCode(200).body("permissions", hasItems("deployment:read", "deployment:manage", "operator"))
                .body("csrf_token", not(equalTo(null)))
                // the test profile's own settings, so these are read from the Supervisor, not written in the console
                .body("rollout_defaults.min_healthy_time", equalTo("0s")).body("rollout_defaults.delivery_timeout", equalTo("4s"))
                .body("rollout_defaults.quorum_wait", equalTo("5m"))
                // the default tenant's plan, whose snapshot limits the snapshots page shows
                .body("plan", equalTo("enterprise")).body("snapshot_limits.per_deployment", equalTo(20))
                .body("snapshot_limits.retention_days", equalTo(90));
        String setCookie = signIn.getHeader("Set-Cookie");
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("ld_session=", "SameSite=Strict", "Path=/").doesNotContain(Api.ADMIN_KEY);
        assertThat(signIn.asString()).doesNotContain(Api.ADMIN_KEY);
        String session = signIn.getCookie("ld_session");
        String csrf = signIn.path("csrf_token");

        given().cookie("ld_session", session).get("/deployments").then().statusCode(200);
        given().cookie("ld_session", session).get("/console/session").then().statusCode(200).body("csrf_token", equalTo(csrf));
        // a write without the token is what a cross-site form would send
        given().cookie("ld_session", session).contentType("application/json").body(Map.of("name", "x", "permissions", List.of()))
                .post("/api-keys").then().statusCode(403).body("detail", containsString("ld-csrf"));
        given().cookie("ld_session", session).header("ld-csrf", csrf).contentType("application/json")
                .body(Map.of("name", "from-console", "permissions", List.of())).post("/api-keys").then().statusCode(201);

        given().cookie("ld_session", session).delete("/console/session").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie("ld_session", session).get("/deployments").then().statusCode(401)
                .body("detail", containsString("sign in again"));
        given().cookie("ld_session", session).get("/console/session").then().statusCode(401);
    }

    @Test
    void aReadOnlySessionIsRefusedWritesEvenWithItsToken() {
        String readOnly = Api.keyWith(Permission.DEPLOYMENT_READ);
        Response signIn = given().contentType("application/json").body(Map.of("key", readOnly)).post("/console/session");
        signIn.then().statusCode(200).body("permissions", equalTo(List.of("deployment:read")));
        given().cookie("ld_session", signIn.getCookie("ld_session")).header("ld-csrf", signIn.<String>path("csrf_token"))
                .contentType("application/json").body("{}").post("/deployments/1/activities/iggy/restart")
                .then().statusCode(403).body("detail", containsString("deployment:manage"));
    }

    @Test
    void revokingTheKeyEndsItsSessions() {
        String key = Api.keyWith(Permission.DEPLOYMENT_READ);
        String session = given().contentType("application/json").body(Map.of("key", key)).post("/console/session").getCookie("ld_session");
        given().cookie("ld_session", session).get("/deployments").then().statusCode(200);
        admin().delete("/api-keys/" + Api.keyId(key)).then().statusCode(200);
        given().cookie("ld_session", session).get("/deployments").then().statusCode(401);
    }

    @Test
    void signingInWithoutAUsableKeyIsAProblem() {
        given().contentType("application/json").body("{}").post("/console/session").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("{\"key\":\"ld_…\"}"));
        given().contentType("application/json").body("not json").post("/console/session").then().statusCode(400);
        given().contentType("application/json").body(Map.of("key", "ld_nope")).post("/console/session").then().statusCode(401)
                .contentType("application/problem+json").header("Set-Cookie", equalTo(null));
        given().cookie("ld_session", "forged").get("/deployments").then().statusCode(401);
    }
}
