package io.lodestar.supervisor.rollout;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;

/**
 * Rollout tests on a ready deployment of three nodes: three fake Wardens connect, keep beating and start it before
 * each test, and disconnect after; the test writes their reports.
 */
abstract class ThreeReadyNodesFixture {

    private final String deploymentName;

    protected List<FakeWarden> wardens;
    protected long deploymentId;

    ThreeReadyNodesFixture(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    @BeforeEach
    void threeReadyNodes() throws InterruptedException {
        wardens = List.of(Api.connectedWarden().keepBeating(), Api.connectedWarden().keepBeating(),
                Api.connectedWarden().keepBeating());
        deploymentId = Api.readyDeployment(deploymentName, wardens.toArray(FakeWarden[]::new));
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        for (FakeWarden warden : wardens) {
            warden.close();
        }
    }

    /** The deployment's path, or a path below it. */
    protected String path(String rest) {
        return "/deployments/" + deploymentId + (rest.isEmpty() ? "" : "/" + rest);
    }
}
