package io.lodestar.supervisor.storage;

import io.lodestar.supervisor.SignedUrls;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 object store against a real S3-compatible server (S3Proxy), through the AWS SDK. */
class S3ObjectStoreTest {

    private static final String BUCKET = "lodestar-snapshots";
    private static final int PART = 5 * 1024 * 1024;

    private static S3ProxyServer server;
    private static S3ObjectStore store;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        store = ObjectStoreProducer.s3(server.storeConfig(BUCKET, PART));
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLargeObjectGoesUpInPartsAndComesBackThroughAPresignedUrl() throws Exception {
        byte[] content = random(2 * PART + 12345);
        String key = "snapshots/1/2/snapshot-20260601-103000-3.zip";
        try (ObjectUpload upload = store.create(key)) {
            for (int offset = 0; offset < content.length; offset += 256 * 1024) {
                upload.write(content, offset, Math.min(256 * 1024, content.length - offset));
            }
            assertThat(store.exists(key)).as("invisible until committed").isFalse();
            upload.commit();
        }
        assertThat(store.exists(key)).isTrue();

        URI url = store.signedUrl(key, Duration.ofMinutes(5), null);
        assertThat(url.getQuery()).contains("X-Amz-Signature");
        HttpResponse<byte[]> download = get(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("snapshot-20260601-103000-3.zip"));

        URI tampered = SignedUrls.tampered(url.toString(), "X-Amz-Signature");
        assertThat(get(tampered).statusCode()).isEqualTo(403);

        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThat(get(url).statusCode()).isIn(403, 404);
    }

    @Test
    void aSmallObjectIsOnePutAndAnAbortedUploadLeavesNothing() throws Exception {
        byte[] content = random(1000);
        put("small/one.zip", content);
        assertThat(get(store.signedUrl("small/one.zip", Duration.ofMinutes(1), null)).body()).isEqualTo(content);

        try (ObjectUpload upload = store.create("small/aborted.zip")) {
            upload.write(random(PART + 1), 0, PART + 1);
            upload.abort();
        }
        assertThat(store.exists("small/aborted.zip")).isFalse();
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        byte[] content = random(10);
        put("small/expiring.zip", content);
        URI url = store.signedUrl("small/expiring.zip", Duration.ofSeconds(1), null);
        Thread.sleep(2100);
        assertThat(get(url).statusCode()).isEqualTo(403);
    }

    /** Stores {@code content} under {@code key} in a single write, then commits it. */
    private static void put(String key, byte[] content) throws IOException {
        try (ObjectUpload upload = store.create(key)) {
            upload.write(content, 0, content.length);
            upload.commit();
        }
    }

    private HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
