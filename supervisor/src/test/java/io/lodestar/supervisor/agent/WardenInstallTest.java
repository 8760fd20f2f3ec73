package io.lodestar.supervisor.agent;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeEvent;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WardenInstallTest {

    @Test
    void theEnrollmentPrintsTheInstallerWithTheGrpcAddressAndTheToken() {
        JsonPath body = admin().post("/agents/enrollments").then().statusCode(201).extract().jsonPath();

        assertThat(body.getString("install_command")).isEqualTo("sudo deploy/install/install-warden.sh --supervisor localhost:"
                + Api.grpcPort() + " --token " + body.getString("token"));
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
