package io.lodestar.supervisor.snapshot;

import static io.lodestar.supervisor.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.ControlledClock;
import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ControlledClock.Profile.class)
class SnapshotExpiryTest {

    @Inject
    ControlledClock clock;

    @Inject
    ObjectStore store;

    @Test
    void downloadUrlsExpireAndTheRetentionJobDeletesItemsAndArchivesPastThePlansRetention() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> Tenant.update("plan = ?1", "basic"));
        CompletedSnapshot snapshot = CompletedSnapshot.take(SnapshotApiTest.bundle("kept a week"));
        String item = snapshot.item();
        String key = snapshot.objectKey();

        String url = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        given().get(URI.create(url)).then().statusCode(200);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        given().get(URI.create(url)).then().statusCode(403).body("detail", containsString("expired"));
        String fresh = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        given().get(URI.create(fresh)).then().statusCode(200);

        clock.advance(Duration.ofDays(6));
        Thread.sleep(1000); // several sweeps of the retention job
        admin().get(item).then().statusCode(200);
        assertThat(store.exists(key)).isTrue();

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get(item).then().statusCode(404));
        assertThat(store.exists(key)).as("the archive is deleted with its item").isFalse();
    }
}
