package io.lodestar.supervisor.storage;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the Supervisor with {@code supervisor.object-store.type=s3} against an S3Proxy started for it. */
public class S3StoreProfile implements QuarkusTestProfile {

    static final String BUCKET = "lodestar-e2e";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        private S3ProxyServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = S3ProxyServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start", e);
            }
            Map<String, String> config = Map.of(
                    "supervisor.object-store.type", "s3",
                    "supervisor.object-store.s3.endpoint", server.endpoint().toString(),
                    "supervisor.object-store.s3.bucket", BUCKET,
                    "supervisor.object-store.s3.access-key-id", S3ProxyServer.IDENTITY,
                    "supervisor.object-store.s3.secret-access-key", S3ProxyServer.CREDENTIAL);
            server.createBucket(BUCKET);
            return config;
        }

        @Override
        public void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
