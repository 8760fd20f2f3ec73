package io.lodestar.supervisor.snapshot;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.SnapshotUploadEnd;
import io.lodestar.protocol.v1.SnapshotUploadPart;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.SnapshotUploadStart;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.dispatch.SerialExecutor;
import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.storage.ObjectUpload;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The Supervisor's end of {@code UploadSnapshot}: authenticates the node, streams each chunk straight into the
 * object store while hashing it, and keeps the archive only when size and SHA-256 match what the Warden
 * declares. One chunk is asked for at a time (manual flow control), so a bundle of any size holds one chunk
 * of memory here while HTTP/2 flow control makes the Warden wait.
 */
@ApplicationScoped
public class SnapshotUploads {

    /** The largest chunk accepted; the Warden sends 256 KiB. */
    public static final int MAX_CHUNK_BYTES = 1 << 20;

    @Inject
    SnapshotService snapshots;

    @Inject
    ObjectStore store;

    public StreamObserver<SnapshotUploadPart> receive(StreamObserver<SnapshotUploadReceipt> response) {
        ServerCallStreamObserver<SnapshotUploadReceipt> call = (ServerCallStreamObserver<SnapshotUploadReceipt>) response;
        call.disableAutoRequest();
        Receiver receiver = new Receiver(call, new SerialExecutor(Infrastructure.getDefaultWorkerPool()));
        call.request(1);
        return receiver;
    }

    private final class Receiver implements StreamObserver<SnapshotUploadPart> {
        private final ServerCallStreamObserver<SnapshotUploadReceipt> call;
        private final SerialExecutor work;
        private final MessageDigest digest = sha256();
        private SnapshotService.UploadTarget target;
        private ObjectUpload upload;
        private long received;
        private boolean ended;

        Receiver(ServerCallStreamObserver<SnapshotUploadReceipt> call, SerialExecutor work) {
            this.call = call;
            this.work = work;
        }

        @Override
        public void onNext(SnapshotUploadPart part) {
            work.execute(() -> {
                if (ended) {
                    return;
                }
                try {
                    switch (part.getPartCase()) {
                        case START -> start(part.getStart());
                        case CHUNK -> chunk(part.getChunk().toByteArray());
                        case END -> end(part.getEnd());
                        case PART_NOT_SET -> refuse(Status.INVALID_ARGUMENT.withDescription("An upload part must be start, chunk or end."));
                    }
                } catch (DomainException.Unauthenticated e) {
                    refuse(Status.UNAUTHENTICATED.withDescription(e.getMessage()));
                } catch (DomainException e) {
                    refuse(Status.FAILED_PRECONDITION.withDescription(e.getMessage()));
                } catch (IOException | RuntimeException e) {
                    Log.errorf(e, "Storing the snapshot upload %s failed", target == null ? "?" : target.objectKey());
                    refuse(Status.UNAVAILABLE.withDescription("The Supervisor could not store the bundle (" + e.getMessage()
                            + "); upload it again."));
                }
                if (!ended) {
                    call.request(1);
                }
            });
        }

        private void start(SnapshotUploadStart start) throws IOException {
            if (target != null) {
                refuse(Status.FAILED_PRECONDITION.withDescription("SnapshotUploadStart may be sent only once per upload."));
                return;
            }
            target = snapshots.uploadTarget(start.getNodeId(), start.getNodeSecret(), start.getTaskId());
            upload = store.create(target.objectKey());
        }

        private void chunk(byte[] bytes) throws IOException {
            if (upload == null) {
                refuse(Status.FAILED_PRECONDITION.withDescription("Send SnapshotUploadStart before the bundle's bytes."));
                return;
            }
            if (bytes.length > MAX_CHUNK_BYTES) {
                refuse(Status.INVALID_ARGUMENT.withDescription("Chunks may hold at most " + MAX_CHUNK_BYTES + " bytes; got " + bytes.length + "."));
                return;
            }
            digest.update(bytes);
            upload.write(bytes, 0, bytes.length);
            received += bytes.length;
        }

        private void end(SnapshotUploadEnd end) throws IOException {
            if (upload == null) {
                refuse(Status.FAILED_PRECONDITION.withDescription("Send SnapshotUploadStart before SnapshotUploadEnd."));
                return;
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (end.getSizeBytes() != received || !actual.equalsIgnoreCase(end.getSha256())) {
                refuse(Status.DATA_LOSS.withDescription("The bundle arrived damaged: " + received + " bytes with SHA-256 " + actual
                        + ", but the Warden declared " + end.getSizeBytes() + " bytes with SHA-256 " + end.getSha256()
                        + "; upload it again."));
                return;
            }
            upload.commit();
            if (!snapshots.recordArchive(target.snapshotId(), target.objectKey(), received, actual)) {
                store.delete(target.objectKey());
                refuse(Status.FAILED_PRECONDITION.withDescription("Snapshot item " + target.snapshotId()
                        + " no longer waits for its archive (it ended or was deleted)."));
                return;
            }
            ended = true;
            Log.infof("Stored the snapshot archive %s (%d bytes)", target.objectKey(), received);
            call.onNext(SnapshotUploadReceipt.newBuilder().setSizeBytes(received).setSha256(actual).build());
            call.onCompleted();
        }

        private void refuse(Status status) {
            ended = true;
            discard();
            Log.warnf("Refused a snapshot upload%s: %s", target == null ? "" : " of " + target.objectKey(), status.getDescription());
            try {
                call.onError(status.asRuntimeException());
            } catch (IllegalStateException e) {
                // the call is already closed
            }
        }

        private void discard() {
            if (upload != null) {
                upload.abort();
            }
        }

        @Override
        public void onError(Throwable error) {
            work.execute(() -> {
                if (!ended) {
                    ended = true;
                    discard();
                    Log.infof("A snapshot upload%s broke off: %s", target == null ? "" : " of " + target.objectKey(),
                            Status.fromThrowable(error).getCode());
                }
            });
        }

        @Override
        public void onCompleted() {
            work.execute(() -> {
                if (!ended) {
                    refuse(Status.INVALID_ARGUMENT.withDescription("The upload ended without SnapshotUploadEnd; upload the bundle again."));
                }
            });
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
