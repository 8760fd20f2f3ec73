package io.lodestar.supervisor.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.protobuf.ByteString;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.SnapshotUploadEnd;
import io.lodestar.protocol.v1.SnapshotUploadPart;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.SnapshotUploadStart;
import io.lodestar.protocol.v1.WardenLinkGrpc;

/**
 * Uploads a small bundle as a Warden would, over real gRPC, optionally declaring a wrong checksum. It sends
 * without pacing: the bundles here are tiny. Large bundles and flow control are the Warden's own uploader's,
 * exercised against the packaged Supervisor by {@code SnapshotUploadMemoryIT}.
 */
public final class SnapshotUploadClient {

    private SnapshotUploadClient() {
    }

    public static SnapshotUploadReceipt upload(Channel channel, long nodeId, String secret, long taskId, InputStream bundle,
            String declaredSha256) throws IOException, InterruptedException {
        CompletableFuture<SnapshotUploadReceipt> answer = new CompletableFuture<>();
        StreamObserver<SnapshotUploadPart> parts = WardenLinkGrpc.newStub(channel).uploadSnapshot(new StreamObserver<>() {
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
                answer.completeExceptionally(new IllegalStateException("no receipt"));
            }
        });
        byte[] content = bundle.readAllBytes();
        parts.onNext(SnapshotUploadPart.newBuilder().setStart(SnapshotUploadStart.newBuilder()
                .setNodeId(nodeId).setNodeSecret(secret).setTaskId(taskId)).build());
        parts.onNext(SnapshotUploadPart.newBuilder().setChunk(ByteString.copyFrom(content)).build());
        parts.onNext(SnapshotUploadPart.newBuilder().setEnd(SnapshotUploadEnd.newBuilder().setSizeBytes(content.length)
                .setSha256(declaredSha256 != null ? declaredSha256 : sha256(content))).build());
        parts.onCompleted();
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw status;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("No answer to the upload within 30 s");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
