package io.lodestar.warden.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggySettings;
import io.lodestar.protocol.v1.SnapshotRequest;
import io.lodestar.protocol.v1.SnapshotUploadPart;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.warden.identity.NodeIdentity;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.task.TaskOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot handler against a Supervisor stand-in speaking UploadSnapshot over (in-process) gRPC. */
class SnapshotHandlerTest {

    @TempDir
    Path dir;

    private final Deque<Status> failures = new ArrayDeque<>();
    private final List<byte[]> received = new ArrayList<>();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void supervisor() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new WardenLinkGrpc.WardenLinkImplBase() {
            @Override
            public StreamObserver<SnapshotUploadPart> uploadSnapshot(StreamObserver<SnapshotUploadReceipt> response) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                return new StreamObserver<>() {
                    @Override
                    public void onNext(SnapshotUploadPart part) {
                        if (part.hasStart()) {
                            assertThat(part.getStart().getNodeSecret()).isEqualTo("secret");
                        } else if (part.hasChunk()) {
                            assertThat(part.getChunk().size()).isLessThanOrEqualTo(SnapshotUploader.CHUNK_BYTES);
                            bytes.writeBytes(part.getChunk().toByteArray());
                        } else if (part.hasEnd()) {
                            received.add(bytes.toByteArray());
                            Status failure = failures.poll();
                            if (failure != null) {
                                response.onError(failure.asRuntimeException());
                                return;
                            }
                            assertThat(part.getEnd().getSha256()).isEqualTo(sha256(bytes.toByteArray()));
                            response.onNext(SnapshotUploadReceipt.newBuilder().setSizeBytes(bytes.size())
                                    .setSha256(part.getEnd().getSha256()).build());
                            response.onCompleted();
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                };
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aBrokenUploadIsTriedAgainAndTheBundleArrivesWholeWithTheReport() throws Exception {
        failures.add(Status.UNAVAILABLE.withDescription("connection reset"));
        TaskOutcome outcome = handler().run(task(), RuntimeProgress.NONE);
        assertThat(outcome.succeeded()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).startsWith("snapshot uploaded: ");
        assertThat(received).hasSize(2);
        assertThat(entries(received.get(1))).contains("report.html", "results.json", "iggy-data.zip");
        try (var left = Files.list(dir.resolve("work"))) {
            assertThat(left).as("the temporary bundle is removed").isEmpty();
        }
    }

    @Test
    void aRefusedUploadFailsAtOnceWithTheSupervisorsReason() {
        failures.add(Status.FAILED_PRECONDITION.withDescription("Task 7 is not an open snapshot task of node 1"));
        TaskOutcome outcome = handler().run(task(), RuntimeProgress.NONE);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("refused", "not an open snapshot task");
        assertThat(received).hasSize(1);
    }

    @Test
    void anUploadBrokenEveryTimeFailsAfterTheLastAttempt() {
        for (int i = 0; i < SnapshotHandler.ATTEMPTS; i++) {
            failures.add(Status.DATA_LOSS.withDescription("The bundle arrived damaged"));
        }
        TaskOutcome outcome = handler().run(task(), RuntimeProgress.NONE);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.message()).contains("failed 3 times", "arrived damaged");
        assertThat(received).hasSize(SnapshotHandler.ATTEMPTS);
    }

    private SnapshotHandler handler() {
        Path data = dir.resolve("iggy/local_data");
        try {
            Files.createDirectories(data.resolve("state"));
            Files.writeString(data.resolve("state/stand-in.state"), "start_count=1\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new SnapshotHandler(() -> HostContext.builder().nodeId("1")
                .iggy(IggySettings.defaults().withDataDir(data)).cpuSampleWindow(Duration.ZERO),
                new SnapshotUploader(channel, new NodeIdentity(1, "secret"), Duration.ofSeconds(30)),
                dir.resolve("work"), Duration.ofMillis(10));
    }

    private static Task task() {
        return Task.newBuilder().setTaskId(7).setSnapshot(SnapshotRequest.newBuilder().setName("snapshot-20260601-103000")
                .setRedactSecrets(true).setIncludeIggy(true).setDeploymentName("events-prod")).build();
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
