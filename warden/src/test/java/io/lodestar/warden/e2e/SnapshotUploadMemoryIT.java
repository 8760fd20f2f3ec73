package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.warden.identity.Enrollment;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.snapshot.SnapshotUploader;

/**
 * A 200 MB bundle uploaded to the packaged Supervisor running with a 64 MB heap: the upload is streamed to
 * the object store chunk by chunk, so it completes, and the figures (time, peak RSS) are printed. The
 * Warden side is the real uploader over real gRPC; the rest of the Warden is played by the test.
 */
class SnapshotUploadMemoryIT {

    private static final long BUNDLE_BYTES = 200L * 1024 * 1024;
    private static final String HEAP = "-Xmx64m";
    private static final String KEY = "ld_memory_test_admin_key_0123456789abcdefghij";

    private Process supervisor;
    private ManagedChannel channel;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        heartbeats.shutdownNow();
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (supervisor != null) {
            supervisor.destroy();
            supervisor.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void a200MbBundleUploadsThroughASupervisorWithA64MbHeap() throws Exception {
        Path work = Files.createTempDirectory("lodestar-upload-memory");
        int http = freePort();
        int grpc = freePort();
        String url = "http://127.0.0.1:" + http;
        Path jar = repositoryRoot().resolve("supervisor/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged Supervisor (build with -pl supervisor,warden, or ./mvnw verify)").exists();
        supervisor = new ProcessBuilder(javaBin(), HEAP, "-XX:+UseSerialGC", "-Dlodestar.data-dir=" + work.resolve("data"),
                "-Dquarkus.http.port=" + http, "-Dquarkus.grpc.server.port=" + grpc,
                "-Dsupervisor.bootstrap.admin-key=" + KEY, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("supervisor.log").toFile()).start();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> api(url).get("/deployments").statusCode() == 200);

        channel = NettyChannelBuilder.forAddress("127.0.0.1", grpc).usePlaintext().build();
        String token = api(url).post("/agents/enrollments").then().statusCode(201).extract().path("token");
        HostFacts host = HostFacts.newBuilder().setHostname("memory-test").build();
        NodeIdentity identity = new Enrollment(channel, "127.0.0.1:" + grpc, Duration.ofSeconds(15)).enroll(token, host, "test");
        BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
        StreamObserver<WardenMessage> link = connect(identity, host, tasks);

        long deploymentId = ((Number) api(url).body(Map.of("name", "events-prod", "agent_ids", List.of(identity.nodeId())))
                .post("/deployments").then().statusCode(201).extract().path("id")).longValue();
        api(url).post("/deployments/" + deploymentId + "/snapshots").then().statusCode(204);
        Task snapshot = null;
        while (snapshot == null) {
            Task task = tasks.poll(30, TimeUnit.SECONDS);
            assertThat(task).as("a snapshot task arrives").isNotNull();
            if (task.hasSnapshot()) {
                snapshot = task;
            } else {
                report(link, task.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
            }
        }

        Path bundle = work.resolve("bundle.zip");
        String sha256 = writeBundle(bundle);
        long rssBefore = rssKb("VmRSS");
        long started = System.nanoTime();
        new SnapshotUploader(channel, identity, Duration.ofMinutes(5)).upload(snapshot.getTaskId(), bundle);
        double seconds = (System.nanoTime() - started) / 1e9;
        report(link, snapshot.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "uploaded");
        String item = "/deployments/" + deploymentId + "/snapshots/" + snapshot.getTaskId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api(url).get(item).then()
                .body("status", equalTo("completed")).body("size_bytes", equalTo((int) BUNDLE_BYTES)));

        String download = api(url).get(item + "/download").then().statusCode(200).extract().path("url");
        Path downloaded = work.resolve("downloaded.zip");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download)).build(),
                HttpResponse.BodyHandlers.ofFile(downloaded));
        assertThat(sha256(downloaded)).as("the downloaded archive is the uploaded bundle").isEqualTo(sha256);

        System.out.printf("snapshot upload: %d MB in %.1f s (%.0f MB/s) into a Supervisor with %s; its RSS %d MB before,"
                + " peak RSS (VmHWM) %d MB; the 200 MB download matched its SHA-256%n",
                BUNDLE_BYTES >> 20, seconds, (BUNDLE_BYTES >> 20) / seconds, HEAP, rssBefore >> 10, rssKb("VmHWM") >> 10);
        assertThat(supervisor.isAlive()).as("the Supervisor survived").isTrue();
        Files.delete(bundle);
        Files.delete(downloaded);
    }

    private StreamObserver<WardenMessage> connect(NodeIdentity identity, HostFacts host, BlockingQueue<Task> tasks) {
        StreamObserver<WardenMessage> link = WardenLinkGrpc.newStub(channel).connect(new StreamObserver<>() {
            @Override
            public void onNext(SupervisorMessage message) {
                if (message.hasTask()) {
                    tasks.add(message.getTask());
                }
            }

            @Override
            public void onError(Throwable error) {
            }

            @Override
            public void onCompleted() {
            }
        });
        synchronized (link) {
            link.onNext(WardenMessage.newBuilder().setHello(Hello.newBuilder().setNodeId(identity.nodeId())
                    .setNodeSecret(identity.nodeSecret()).setWardenVersion("test").setHost(host)).build());
        }
        AtomicLong seq = new AtomicLong();
        heartbeats.scheduleAtFixedRate(() -> {
            synchronized (link) {
                link.onNext(WardenMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSeq(seq.incrementAndGet())).build());
            }
        }, 1, 1, TimeUnit.SECONDS);
        return link;
    }

    private static void report(StreamObserver<WardenMessage> link, long taskId, TaskState state, String message) {
        synchronized (link) {
            link.onNext(WardenMessage.newBuilder().setTaskUpdate(TaskUpdate.newBuilder().setTaskId(taskId).setState(state)
                    .setMessage(message)).build());
        }
    }

    /** 200 MB of pseudo-random bytes (a bundle's compressed content looks like that); returns its SHA-256. */
    private static String writeBundle(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < BUNDLE_BYTES; written += block.length) {
                random.nextBytes(block);
                digest.update(block);
                out.write(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private long rssKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + supervisor.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static io.restassured.specification.RequestSpecification api(String url) {
        return given().baseUri(url).header("ld-api-key", KEY).contentType("application/json");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/lodestar-local"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
