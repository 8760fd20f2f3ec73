package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotYetAvailableTest {

    @Test
    void documentedRoutesNotBuiltYetSaySoWith501() {
        admin().post("/deployments/1/restart").then().statusCode(501).contentType("application/problem+json")
                .body("detail", containsString("not available in this version"));
        admin().post("/deployments/1/snapshots").then().statusCode(501);
        admin().get("/deployments/1/snapshots/2/download").then().statusCode(501);
        admin().get("/deployments/1/events").then().statusCode(501);
        admin().delete("/deployments/1/snapshots/2").then().statusCode(501);
        admin().delete("/deployments/1").then().statusCode(501);
        admin().get("/deployments/1/configs").then().statusCode(501);
        admin().get("/deployments/1/configs/2").then().statusCode(501);
        admin().post("/deployments/1/configs").then().statusCode(501);
    }

    @Test
    void builtRoutesAreUnaffected() {
        admin().get("/deployments/1").then().statusCode(404);
        admin().get("/deployments/1/activities").then().statusCode(404);
    }
}
