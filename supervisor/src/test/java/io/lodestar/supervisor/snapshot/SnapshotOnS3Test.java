package io.lodestar.supervisor.snapshot;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.storage.S3StoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole snapshot path with an S3-compatible object store configured: the download is the store's presigned URL. */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class SnapshotOnS3Test {

    @Inject
    ObjectStore store;

    @Test
    void anUploadLandsInTheBucketDownloadsThroughItsPresignedUrlAndIsDeletedFromIt() throws Exception {
        byte[] bundle = SnapshotApiTest.bundle("stored in S3");
        CompletedSnapshot snapshot = CompletedSnapshot.take(bundle);
        String item = snapshot.item();

        String url = admin().get(item + "/download").then().statusCode(200).extract().path("url");
        assertThat(url).contains("/" + "lodestar-e2e/").contains("X-Amz-Signature=");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bundle);

        String key = snapshot.objectKey();
        assertThat(store.exists(key)).isTrue();
        admin().delete(item).then().statusCode(204);
        assertThat(store.exists(key)).isFalse();
    }
}
