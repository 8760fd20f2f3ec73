package io.lodestar.supervisor.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;

/** Config tests on a ready one-node deployment: a fake Warden connects and starts it before each test, and disconnects after. */
abstract class ReadyDeploymentFixture {

    private final String deploymentName;

    protected FakeWarden warden;
    protected long deploymentId;

    ReadyDeploymentFixture(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    @BeforeEach
    void readyDeployment() throws InterruptedException {
        warden = Api.connectedWarden();
        deploymentId = Api.readyDeployment(deploymentName, warden);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        warden.close();
    }
}
