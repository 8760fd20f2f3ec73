package io.lodestar.supervisor.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.events.EventsRestart;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The second half of {@link ConsoleSessionRestartPart1Test}, on a Supervisor started again on its database. */
@QuarkusTest
@TestProfile(EventsRestart.SecondRun.class)
class ConsoleSessionRestartPart2Test {

    @Test
    void theSessionStillSignsInAfterTheRestartUntilItSignsOut() throws Exception {
        assertThat(ConsoleSessionRestartPart1Test.HANDOVER)
                .as("ConsoleSessionRestartPart1Test runs first (run both: -Dtest='ConsoleSessionRestartPart*Test')").exists();
        List<String> handover = Files.readAllLines(ConsoleSessionRestartPart1Test.HANDOVER);
        Files.delete(ConsoleSessionRestartPart1Test.HANDOVER);
        String token = handover.get(0);
        String csrf = handover.get(1);
        given().cookie("ld_session", token).get("/console/session").then().statusCode(200).body("csrf_token", equalTo(csrf));
        given().cookie("ld_session", token).get("/deployments").then().statusCode(200);
        given().cookie("ld_session", token).delete("/console/session").then().statusCode(204);
        given().cookie("ld_session", token).get("/deployments").then().statusCode(401);
    }
}
