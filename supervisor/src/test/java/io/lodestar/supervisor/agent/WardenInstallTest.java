package io.lodestar.supervisor.agent;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WardenInstallTest {

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void theEnrollmentPrintsTheOneLineInstallWithTheToken() {
        JsonPath body = admin().post("/agents/enrollments").then().statusCode(201).extract().jsonPath();

        assertThat(body.getString("install_command")).isEqualTo("curl -fsSL http://localhost:" + base.getPort()
                + "/install/warden.sh | sudo sh -s -- --token " + body.getString("token"));
    }

    @Test
    void theInstallerIsServedWithoutAKeyAndKnowsWhereTheSupervisorIs() {
        String script = given().get("/install/warden.sh").then().statusCode(200)
                .header("Content-Type", startsWith("text/x-shellscript")).extract().asString();

        assertThat(script).startsWith("#!/bin/sh\n")
                .contains("LODESTAR_URL='http://localhost:" + base.getPort() + "'")
                .contains("LODESTAR_GRPC='localhost:" + Api.grpcPort() + "'")
                .doesNotContain("@LODESTAR_");
    }

    @Test
    void withoutABundleFolderTheDownloadIsA404NamingTheSetting() {
        given().get("/install/lodestar-warden-linux-amd64.tar.gz").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("set supervisor.enrollment.bundle-dir to the folder holding"))
                .body("instance", equalTo("/install/lodestar-warden-linux-amd64.tar.gz"));
        given().get("/install/lodestar-warden-linux-amd64.tar.gz.sha256").then().statusCode(404)
                .body("detail", containsString("supervisor.enrollment.bundle-dir"));
        given().get("/install/lodestar-warden-linux-../etc.tar.gz").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRuntimeEventIsTakenWithoutDisturbingTheLink() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden()) {
            warden.runtimeEvent(RuntimeEvent.newBuilder().setRuntime(Runtime.RUNTIME_IGGY).setKind(RuntimeEvent.Kind.KIND_EXITED)
                    .setPid(4242).setExitCode(137).setMessage("iggy (pid 4242) exited on its own with code 137").build());
            warden.heartbeat(1);
            admin().get("/agents/" + warden.nodeId()).then().statusCode(200).body("state", equalTo("online"));
            assertThat(warden.pollTask(300)).isNull();
        }
    }
}
