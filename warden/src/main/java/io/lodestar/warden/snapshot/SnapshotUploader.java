package io.lodestar.warden.snapshot;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.lodestar.protocol.v1.SnapshotUploadEnd;
import io.lodestar.protocol.v1.SnapshotUploadPart;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.SnapshotUploadStart;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.warden.identity.NodeIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a bundle file to the Supervisor with {@code UploadSnapshot}: a start part carrying the node's
 * credentials, the file in 256 KiB chunks, and its size and SHA-256 at the end. It sends a chunk only
 * while the call is ready (gRPC flow control), so a slow Supervisor slows the upload instead of filling
 * this Warden's memory.
 */
public final class SnapshotUploader {

    static final int CHUNK_BYTES = 256 * 1024;

    private final Channel channel;
    private final NodeIdentity identity;
    private final Duration timeout;

    public SnapshotUploader(Channel channel, NodeIdentity identity, Duration timeout) {
        this.channel = channel;
        this.identity = identity;
        this.timeout = timeout;
    }

    /**
     * Uploads the file as the bundle of this task.
     *
     * @throws StatusRuntimeException when the Supervisor refuses the upload or the call breaks
     */
    public SnapshotUploadReceipt upload(long taskId, Path bundle) throws IOException, InterruptedException {
        CompletableFuture<SnapshotUploadReceipt> answer = new CompletableFuture<>();
        Object ready = new Object();
        @SuppressWarnings("unchecked")
        ClientCallStreamObserver<SnapshotUploadPart>[] holder = new ClientCallStreamObserver[1];
        WardenLinkGrpc.newStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .uploadSnapshot(new ClientResponseObserver<SnapshotUploadPart, SnapshotUploadReceipt>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SnapshotUploadPart> requests) {
                        holder[0] = requests;
                        requests.setOnReadyHandler(() -> {
                            synchronized (ready) {
                                ready.notifyAll();
                            }
                        });
                    }

                    @Override
                    public void onNext(SnapshotUploadReceipt receipt) {
                        answer.complete(receipt);
                    }

                    @Override
                    public void onError(Throwable error) {
                        answer.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IOException("the Supervisor ended the upload without a receipt"));
                    }
                });
        ClientCallStreamObserver<SnapshotUploadPart> requests = holder[0];
        try {
            MessageDigest digest = sha256();
            long size = 0;
            send(requests, ready, answer, SnapshotUploadPart.newBuilder().setStart(SnapshotUploadStart.newBuilder()
                    .setNodeId(identity.nodeId()).setNodeSecret(identity.nodeSecret()).setTaskId(taskId)).build());
            byte[] buffer = new byte[CHUNK_BYTES];
            try (InputStream in = Files.newInputStream(bundle)) {
                for (int n; !answer.isDone() && (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                    digest.update(buffer, 0, n);
                    size += n;
                    send(requests, ready, answer, SnapshotUploadPart.newBuilder().setChunk(ByteString.copyFrom(buffer, 0, n)).build());
                }
            }
            send(requests, ready, answer, SnapshotUploadPart.newBuilder().setEnd(SnapshotUploadEnd.newBuilder()
                    .setSha256(HexFormat.of().formatHex(digest.digest())).setSizeBytes(size)).build());
            if (!answer.isDone()) {
                requests.onCompleted();
            }
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw status;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            requests.cancel("no receipt in time", null);
            throw new IOException("the Supervisor did not confirm the upload within " + timeout);
        } catch (IOException | RuntimeException | InterruptedException e) {
            requests.cancel("upload abandoned: " + e.getMessage(), e);
            throw e;
        }
    }

    private static void send(ClientCallStreamObserver<SnapshotUploadPart> requests, Object ready,
            CompletableFuture<SnapshotUploadReceipt> answer, SnapshotUploadPart part) throws InterruptedException {
        synchronized (ready) {
            while (!requests.isReady() && !answer.isDone()) {
                ready.wait(200);
            }
        }
        if (!answer.isDone()) {
            requests.onNext(part);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
