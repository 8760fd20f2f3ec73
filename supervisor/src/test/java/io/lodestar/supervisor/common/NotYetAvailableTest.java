package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotYetAvailableTest {

    @Test
    void documentedRoutesNotBuiltYetSaySoWith501() {
        admin().get("/deployments/1/logs").then().statusCode(501).contentType("application/problem+json")
                .body("detail", containsString("not available in this version"));
        admin().get("/deployments/1/metrics").then().statusCode(501);
        admin().get("/deployments/1/operations").then().statusCode(501);
    }

    @Test
    void builtRoutesAreUnaffected() {
        admin().get("/deployments/1").then().statusCode(404);
        admin().get("/deployments/1/activities").then().statusCode(404);
    }
}
