package io.lodestar.warden.snapshot;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lodestar.diagnostics.CatalogRunner;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.SnapshotOptions;
import io.lodestar.diagnostics.Snapshots;
import io.lodestar.diagnostics.bundle.BundleOptions;
import io.lodestar.protocol.v1.SnapshotRequest;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.Task;
import io.lodestar.warden.runtime.RuntimeProgress;
import io.lodestar.warden.task.TaskHandler;
import io.lodestar.warden.task.TaskOutcome;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Supplier;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import io.lodestar.diagnostics.bundle.BundleAttachment;

/**
 * Takes a snapshot: runs every check with the diagnostics module, writes the bundle to a temporary file
 * and uploads it. A broken upload is tried again (up to {@link #ATTEMPTS} times, backing off); one the
 * Supervisor refuses for good ends the task failed with its reason.
 */
public final class SnapshotHandler implements TaskHandler {

    static final int ATTEMPTS = 3;
    private static final Set<Status.Code> FINAL = Set.of(Status.Code.UNAUTHENTICATED, Status.Code.FAILED_PRECONDITION,
            Status.Code.INVALID_ARGUMENT, Status.Code.PERMISSION_DENIED, Status.Code.UNIMPLEMENTED);

    private final Supplier<HostContext.Builder> contexts;
    private final SnapshotUploader uploader;
    private final Path workDir;
    private final Duration retryDelay;
    private final Function<Boolean, List<BundleAttachment>> attachments;

    public SnapshotHandler(Supplier<HostContext.Builder> contexts, SnapshotUploader uploader, Path workDir, Duration retryDelay) {
        this(contexts, uploader, workDir, retryDelay, includeIggy -> List.of());
    }

    /**
     * @param contexts what the checks know about this node (runtimes' paths, the Warden's facts)
     * @param workDir  where bundles are written before they are uploaded (deleted afterwards)
     * @param attachments files added beside the report, given whether the request includes Iggy (its own ZIP)
     */
    public SnapshotHandler(Supplier<HostContext.Builder> contexts, SnapshotUploader uploader, Path workDir, Duration retryDelay,
            Function<Boolean, List<BundleAttachment>> attachments) {
        this.attachments = attachments;
        this.contexts = contexts;
        this.uploader = uploader;
        this.workDir = workDir;
        this.retryDelay = retryDelay;
    }

    @Override
    public Task.KindCase kind() {
        return Task.KindCase.SNAPSHOT;
    }

    @Override
    public String lane(Task task) {
        return "snapshot";
    }

    @Override
    public TaskOutcome run(Task task, RuntimeProgress progress) {
        SnapshotRequest request = task.getSnapshot();
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "snapshot-");
            HostContext context = contexts.get().deploymentName(request.getDeploymentName()).build();
            SnapshotOptions options = new SnapshotOptions(request.getName(), request.getRedactSecrets(),
                    request.getIncludeIggy(), BundleOptions.DEFAULT_MAX_DATA_BYTES, CatalogRunner.DEFAULT_TIMEOUT);
            Path bundle = Snapshots.writeBundle(context, options, dir, attachments.apply(request.getIncludeIggy()));
            Log.infof("snapshot %s written (%d bytes); uploading", request.getName(), Files.size(bundle));
            return upload(task.getTaskId(), bundle);
        } catch (IOException | RuntimeException e) {
            return TaskOutcome.failed("could not build the snapshot bundle: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskOutcome.failed("the Warden stopped while taking the snapshot");
        } finally {
            deleteQuietly(dir);
        }
    }

    private TaskOutcome upload(long taskId, Path bundle) throws InterruptedException {
        String lastProblem = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                SnapshotUploadReceipt receipt = uploader.upload(taskId, bundle);
                return TaskOutcome.succeeded("snapshot uploaded: " + receipt.getSizeBytes() + " bytes, SHA-256 "
                        + receipt.getSha256(), 0);
            } catch (StatusRuntimeException e) {
                lastProblem = e.getStatus().getCode() + ": " + e.getStatus().getDescription();
                if (FINAL.contains(e.getStatus().getCode())) {
                    return TaskOutcome.failed("the Supervisor refused the snapshot upload (" + lastProblem + ")");
                }
            } catch (IOException e) {
                lastProblem = e.getMessage();
            }
            Log.warnf("snapshot upload attempt %d of %d failed: %s", attempt, ATTEMPTS, lastProblem);
            if (attempt < ATTEMPTS) {
                Thread.sleep(retryDelay.multipliedBy(attempt).toMillis());
            }
        }
        return TaskOutcome.failed("the snapshot upload failed " + ATTEMPTS + " times; last: " + lastProblem);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            Log.warnf("could not remove the snapshot work directory %s: %s", dir, e.getMessage());
        }
    }
}
