package io.lodestar.supervisor.common;

import static io.lodestar.supervisor.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.test.junit.QuarkusTest;

/** A list past the count limit says its total is capped; a short list counts exactly and says nothing. */
@QuarkusTest
class BoundedCountTest {

    @Inject
    DataSource dataSource;

    @Test
    void totalsStopAtTheLimitAndSaySo() throws Exception {
        Api.PlacedDeployment deployment = Api.deploymentOfADisconnectedNode("counted");
        long deploymentId = deployment.id();
        long nodeId = deployment.nodeId();
        String path = "/deployments/" + deploymentId + "/activities";
        admin().get(path).then().body("total_results", equalTo(1)).body("$", not(hasKey("total_results_capped")));

        Number tenant = admin().get("/deployments/" + deploymentId).then().extract().path("tenant_id");
        Number division = admin().get("/deployments/" + deploymentId).then().extract().path("division_id");
        Number environment = admin().get("/deployments/" + deploymentId).then().extract().path("environment_id");
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into activities (id, tenant_id, division_id, environment_id, deployment_id, author_id, runtime, action,"
                        + " node_id, status, created_at) values (?, ?, ?, ?, ?, 1, 'iggy', 'start', ?, 'COMPLETED', ?)")) {
            for (int i = 1; i <= Counts.LIMIT + 50; i++) {
                insert.setLong(1, deploymentId + 100 + i);
                insert.setLong(2, tenant.longValue());
                insert.setLong(3, division.longValue());
                insert.setLong(4, environment.longValue());
                insert.setLong(5, deploymentId);
                insert.setLong(6, nodeId);
                insert.setTimestamp(7, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        admin().get(path + "?results=100").then().statusCode(200)
                .body("items", hasSize(100))
                .body("total_results", equalTo(Counts.LIMIT))
                .body("total_pages", equalTo(Counts.LIMIT / 100))
                .body("total_results_capped", equalTo(true));
        admin().get(path + "?node_id=1").then().body("total_results", equalTo(0))
                .body("$", not(hasKey("total_results_capped")));
    }
}
