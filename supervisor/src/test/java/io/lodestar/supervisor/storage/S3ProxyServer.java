package io.lodestar.supervisor.storage;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: S3Proxy on its filesystem backend, run as a child process from the
 * jar the build copies to {@code target/s3proxy} (so its Jetty never meets the Supervisor's classpath).
 */
final class S3ProxyServer implements AutoCloseable {

    static final String IDENTITY = "lodestar-test";
    static final String CREDENTIAL = "lodestar-test-secret";

    private final Process process;
    private final URI endpoint;

    private S3ProxyServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3ProxyServer start() throws IOException, InterruptedException {
        Path jar = Path.of("target/s3proxy/s3proxy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; the build copies it in process-test-resources");
        }
        Path dir = Files.createTempDirectory("s3proxy");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = dir.resolve("s3proxy.properties");
        Files.write(properties, List.of(
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + Files.createDirectories(dir.resolve("blobs"))));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return new S3ProxyServer(process, endpoint);
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not answer within 60 s");
    }

    /** The store settings that reach this server, with static credentials and path-style addressing. */
    ObjectStoreConfig.S3 storeConfig(String bucket, int partSize) {
        return new ObjectStoreConfig.S3() {
            public java.util.Optional<URI> endpoint() { return java.util.Optional.of(endpoint); }
            public String region() { return "us-east-1"; }
            public java.util.Optional<String> bucket() { return java.util.Optional.of(bucket); }
            public String keyPrefix() { return "lodestar/"; }
            public boolean pathStyle() { return true; }
            public java.util.Optional<String> accessKeyId() { return java.util.Optional.of(IDENTITY); }
            public java.util.Optional<String> secretAccessKey() { return java.util.Optional.of(CREDENTIAL); }
            public int partSizeBytes() { return partSize; }
        };
    }

    void createBucket(String bucket) {
        try (var client = ObjectStoreProducer.s3Client(storeConfig(bucket, 5 * 1024 * 1024))) {
            client.createBucket(b -> b.bucket(bucket));
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
