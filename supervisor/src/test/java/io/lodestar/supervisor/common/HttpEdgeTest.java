package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the HTTP server answers outside the API's routes: metrics and health only on the management port,
 * and every client error, from the codec's limits to a wrong method, as problem+json a person can act on.
 */
@QuarkusTest
class HttpEdgeTest {

    @Test
    void metricsAndHealthAreNotOnTheApiPortButOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("jvm_memory"))).body("detail", containsString("quarkus.management.port"));
        given().get("/q/health").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("management interface"));

        assertThat(Api.managementPort()).isNotEqualTo(apiPort()).isPositive();
        Api.management().get("/q/metrics").then().statusCode(200).body(containsString("lodestar_agents"));
        Api.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Api.management().get("/q/health/live").then().statusCode(200);
        // The API's own document stays where the API is.
        given().get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void aRequestLineTooLongIsA414Problem() throws IOException {
        String answer = raw("GET /deployments?name=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414").contains("application/problem+json")
                .contains("\"status\":414").contains("supervisor.limits.request-line");
    }

    @Test
    void headersTooLargeAreA431Problem() throws IOException {
        String answer = raw("GET /deployments HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "y".repeat(20_000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431").contains("application/problem+json")
                .contains("\"status\":431").contains("supervisor.limits.header-size");
    }

    @Test
    void aBodyTooLargeIsA413Problem() {
        String big = "{\"name\":\"" + "z".repeat(1_100_000) + "\"}";
        admin().body(big).post("/divisions").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("quarkus.http.limits.max-body-size"));
    }

    @Test
    void aChunkedBodyIsRefusedBeforeAnythingReadsIt() throws IOException {
        StringBuilder request = new StringBuilder("POST /divisions HTTP/1.1\r\nHost: localhost\r\nld-api-key: " + Api.ADMIN_KEY
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        String answer = raw(request.toString());
        assertThat(answer).startsWith("HTTP/1.1 411").contains("application/problem+json").contains("Content-Length");
    }

    @Test
    void wrongMethodsAndMediaTypesAreProblems() {
        admin().put("/deployments").then().statusCode(405).contentType("application/problem+json")
                .body("detail", containsString("method"));
        admin().accept("text/plain").get("/deployments").then().statusCode(406).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
        // A body in another media type is a 415 naming the header to send.
        admin().contentType("text/plain").body("name=x").post("/deployments").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("Content-Type: application/json"));
        // Routes outside JAX-RS: the signed downloads, the API document.
        for (String[] call : new String[][] { { "POST", "/snapshot-downloads/x" }, { "GET", "/snapshot-downloads/x" },
                { "DELETE", "/q/swagger-ui/" }, { "GET", "/q/nothing-here" } }) {
            io.restassured.response.Response answer = given().request(call[0], call[1]);
            assertThat(answer.statusCode()).as(call[0] + " " + call[1]).isBetween(400, 499);
            assertThat(answer.contentType()).as(call[0] + " " + call[1]).startsWith("application/problem+json");
        }
    }

    private static int apiPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** Sends bytes as they are (no client would send these) and reads the whole answer. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", apiPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
