package io.lodestar.supervisor.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.events.EventsRestart;
import io.lodestar.supervisor.tenancy.ConsoleSession;
import io.lodestar.supervisor.tenancy.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** A console session outlives the Supervisor that signed it in: signed in here, used after a restart in part 2. */
@QuarkusTest
@TestProfile(EventsRestart.FirstRun.class)
class ConsoleSessionRestartPart1Test {

    static final Path HANDOVER = EventsRestart.DIR.resolve("console-session.txt");

    @Test
    void aSessionIsStoredAsTheHashOfItsToken() throws Exception {
        Response signIn = given().contentType("application/json").body(Map.of("key", Api.ADMIN_KEY)).post("/console/session");
        signIn.then().statusCode(200);
        String token = signIn.getCookie("ld_session");
        String csrf = signIn.path("csrf_token");
        ConsoleSession row = QuarkusTransaction.requiringNew().call(() -> ConsoleSession.findById(Secrets.hash(token)));
        assertThat(row).as("the row is found by the token's SHA-256").isNotNull();
        assertThat(row.tokenHash).isNotEqualTo(token).hasSize(64);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ConsoleSession.count("tokenHash", token)))
                .as("no row holds the token itself").isZero();
        Files.createDirectories(EventsRestart.DIR);
        Files.writeString(HANDOVER, token + "\n" + csrf + "\n");
    }
}
