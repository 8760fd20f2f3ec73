package io.lodestar.supervisor.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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

/**
 * Uploads a bundle the way a Warden does, over real gRPC and paced by flow control (it waits while the
 * call is not ready), so the test can send a bundle of any size, or a damaged one.
 */
public final class SnapshotUploadClient {

    public static final int CHUNK = 256 * 1024;

    private SnapshotUploadClient() {
    }

    /** Uploads {@code bundle}; declares {@code declaredSha256} instead of the real checksum when not null. */
    public static SnapshotUploadReceipt upload(Channel channel, long nodeId, String secret, long taskId, InputStream bundle,
            String declaredSha256) throws IOException, InterruptedException {
        CompletableFuture<SnapshotUploadReceipt> result = new CompletableFuture<>();
        Object ready = new Object();
        ClientCallStreamObserver<SnapshotUploadPart>[] call = new ClientCallStreamObserver[1];
        WardenLinkGrpc.newStub(channel).uploadSnapshot(new ClientResponseObserver<SnapshotUploadPart, SnapshotUploadReceipt>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<SnapshotUploadPart> requests) {
                call[0] = requests;
                requests.setOnReadyHandler(() -> {
                    synchronized (ready) {
                        ready.notifyAll();
                    }
                });
            }

            @Override
            public void onNext(SnapshotUploadReceipt receipt) {
                result.complete(receipt);
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onCompleted() {
                result.completeExceptionally(new IllegalStateException("no receipt"));
            }
        });
        ClientCallStreamObserver<SnapshotUploadPart> requests = call[0];
        MessageDigest digest = sha256();
        long size = 0;
        send(requests, ready, result, SnapshotUploadPart.newBuilder().setStart(SnapshotUploadStart.newBuilder()
                .setNodeId(nodeId).setNodeSecret(secret).setTaskId(taskId)).build());
        byte[] buffer = new byte[CHUNK];
        for (int n; (n = bundle.readNBytes(buffer, 0, buffer.length)) > 0 && !result.isDone(); ) {
            digest.update(buffer, 0, n);
            size += n;
            send(requests, ready, result, SnapshotUploadPart.newBuilder().setChunk(ByteString.copyFrom(buffer, 0, n)).build());
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        send(requests, ready, result, SnapshotUploadPart.newBuilder().setEnd(SnapshotUploadEnd.newBuilder()
                .setSha256(declaredSha256 != null ? declaredSha256 : sha).setSizeBytes(size)).build());
        if (!result.isDone()) {
            requests.onCompleted();
        }
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw status;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No answer to the upload within 60 s");
        }
    }

    private static void send(ClientCallStreamObserver<SnapshotUploadPart> requests, Object ready,
            CompletableFuture<SnapshotUploadReceipt> result, SnapshotUploadPart part) throws InterruptedException {
        synchronized (ready) {
            while (!requests.isReady() && !result.isDone()) {
                ready.wait(100);
            }
        }
        if (!result.isDone()) {
            requests.onNext(part);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
