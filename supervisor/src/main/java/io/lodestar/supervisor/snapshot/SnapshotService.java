package io.lodestar.supervisor.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.lodestar.protocol.v1.SnapshotRequest;
import io.lodestar.protocol.v1.Task.KindCase;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.dispatch.TaskFinished;
import io.lodestar.supervisor.dispatch.TaskService;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.storage.ObjectStore;
import io.lodestar.supervisor.storage.ObjectStoreConfig;
import io.lodestar.supervisor.tenancy.Secrets;
import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;

/** Takes, lists, hands out and deletes snapshots: the only place a snapshot item's status changes. */
@ApplicationScoped
public class SnapshotService {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'snapshot-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    Deployments deployments;

    @Inject
    TaskService tasks;

    @Inject
    ObjectStore store;

    @Inject
    ObjectStoreConfig storeConfig;

    @Inject
    SnapshotConfig config;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    Event<SnapshotFinished> finishedEvents;

    /** The body of {@code POST /snapshots}; both default true. */
    public record Options(boolean redactSecrets, boolean includeIggy) {
    }

    /**
     * Creates one item per node and a snapshot task for each node's Warden, in one transaction. The
     * deployment's row is locked so concurrent requests are judged one after the other; the unique index on
     * in-progress items refuses a second snapshot even if that lock were bypassed.
     */
    @Transactional
    public List<SnapshotView> create(long tenantId, long deploymentId, Options options) {
        Deployment deployment = deployments.get(tenantId, deploymentId);
        Deployment.getEntityManager().lock(deployment, LockModeType.PESSIMISTIC_WRITE);
        if (deployment.status == DeploymentStatus.KILLED) {
            throw new DomainException.Conflict("Deployment " + deploymentId + " was deleted (killed); it has no nodes to snapshot.");
        }
        List<Long> nodes = deployments.nodeIds(deploymentId);
        if (nodes.isEmpty()) {
            throw new DomainException.Conflict("Deployment " + deploymentId + " has no nodes to snapshot.");
        }
        Snapshot running = Snapshot.<Snapshot>find("deploymentId = ?1 and status = ?2", deploymentId, SnapshotStatus.PROCESSING)
                .firstResult();
        if (running != null) {
            throw inProgress(deploymentId, running.name);
        }
        Tenant tenant = Tenant.findById(tenantId);
        PlanLimits limits = PlanLimits.of(tenant.plan);
        long held = Snapshot.getEntityManager()
                .createQuery("select count(distinct s.name) from Snapshot s where s.deploymentId = ?1", Long.class)
                .setParameter(1, deploymentId).getSingleResult();
        if (held >= limits.maxSnapshots()) {
            throw new DomainException.Conflict("Deployment " + deploymentId + " already holds " + held + " snapshots, the limit of the "
                    + limits.wireName() + " plan (" + limits.maxSnapshots() + " per deployment, kept "
                    + limits.retention().toDays() + " days). Delete one with DELETE /deployments/" + deploymentId
                    + "/snapshots/{snapshot_id}, or wait until the oldest passes its retention.");
        }
        Instant now = clock.instant();
        String name = NAME.format(now);
        SnapshotRequest request = SnapshotRequest.newBuilder().setName(name).setRedactSecrets(options.redactSecrets())
                .setIncludeIggy(options.includeIggy()).setDeploymentName(deployment.name).build();
        List<Snapshot> created = nodes.stream().map(node -> {
            Snapshot item = new Snapshot();
            item.id = ids.next();
            item.placeIn(deployment.scope());
            item.deploymentId = deploymentId;
            item.deploymentName = deployment.name;
            item.nodeId = node;
            item.name = name;
            item.status = SnapshotStatus.PROCESSING;
            item.inProgressDeploymentId = deploymentId;
            item.redactSecrets = options.redactSecrets();
            item.includeIggy = options.includeIggy();
            item.createdAt = now;
            item.persist();
            tasks.create(node, item.id, request, config.deadline());
            return item;
        }).toList();
        try {
            Snapshot.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw inProgress(deploymentId, "another");
            }
            throw e;
        }
        Log.infof("Snapshot %s of deployment %d requested on nodes %s", name, deploymentId, nodes);
        return created.stream().map(SnapshotView::of).toList();
    }

    private static DomainException.Conflict inProgress(long deploymentId, String name) {
        return new DomainException.Conflict("Snapshot " + name + " of deployment " + deploymentId
                + " is still in progress; only one snapshot runs per deployment at a time. Try again once its items are completed or failed.");
    }

    @Transactional
    public Page<SnapshotView> list(long tenantId, long deploymentId, PageRequest request) {
        deployments.get(tenantId, deploymentId);
        PanacheQuery<Snapshot> query = Snapshot.find("deploymentId = ?1 order by id desc", deploymentId);
        return Page.of(query, request, SnapshotView::of);
    }

    @Transactional
    public SnapshotView get(long tenantId, long deploymentId, long snapshotId) {
        return SnapshotView.of(item(tenantId, deploymentId, snapshotId));
    }

    /** A short-lived signed URL for the item's archive; 409 until the item is completed. */
    @Transactional
    public URI downloadUrl(long tenantId, long deploymentId, long snapshotId, URI requestBase) {
        Snapshot item = item(tenantId, deploymentId, snapshotId);
        switch (item.status) {
            case PROCESSING -> throw new DomainException.Conflict("Snapshot " + snapshotId + " is still processing; download it once its status is completed.");
            case FAILED -> throw new DomainException.Conflict("Snapshot " + snapshotId + " failed, so there is no archive to download: "
                    + item.message + " Take a new snapshot with POST /deployments/" + deploymentId + "/snapshots.");
            case COMPLETED -> {
            }
        }
        return store.signedUrl(item.objectKey, storeConfig.downloadUrlTtl(), requestBase);
    }

    /** Deletes the item and its archive; 409 while it is processing (the node may still be uploading). */
    @Transactional
    public void delete(long tenantId, long deploymentId, long snapshotId) {
        Snapshot item = item(tenantId, deploymentId, snapshotId);
        if (item.status == SnapshotStatus.PROCESSING) {
            throw new DomainException.Conflict("Snapshot " + snapshotId
                    + " is still processing; delete it once it is completed or failed (at the latest after " + config.deadline() + ").");
        }
        deleteWithArchive(item);
    }

    /** Removes the archive first, so a row never outlives an archive a user could still be sent to. */
    void deleteWithArchive(Snapshot item) {
        if (item.objectKey != null) {
            try {
                store.delete(item.objectKey);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the archive of snapshot " + item.id, e);
            }
        }
        item.delete();
    }

    private Snapshot item(long tenantId, long deploymentId, long snapshotId) {
        deployments.get(tenantId, deploymentId);
        Snapshot item = Snapshot.<Snapshot>find("id = ?1 and deploymentId = ?2", snapshotId, deploymentId).firstResult();
        if (item == null) {
            throw new DomainException.NotFound("Snapshot " + snapshotId + " was not found in deployment " + deploymentId + ".");
        }
        return item;
    }

    /** The object key the archive of this item is stored under: one per item, so a retried upload replaces it. */
    static String objectKey(Snapshot item) {
        return "snapshots/" + item.deploymentId + "/" + item.id + "/" + item.name + "-" + item.nodeId + ".zip";
    }

    /** Where an upload for this task goes. */
    public record UploadTarget(long snapshotId, String objectKey) {
    }

    /**
     * Authenticates an upload like the link's Hello (node id and secret) and finds the item it is for: an open
     * snapshot task of that node whose item still waits for its archive.
     */
    @Transactional
    public UploadTarget uploadTarget(long nodeId, String nodeSecret, long taskId) {
        Agent agent = Agent.findById(nodeId);
        if (agent == null || !Secrets.matches(nodeSecret, agent.secretHash)) {
            throw new DomainException.Unauthenticated("Unknown node " + nodeId + " or wrong node secret; enroll the Warden again.");
        }
        Optional<Snapshot> item = tasks.openSnapshotTask(nodeId, taskId).map(task -> Snapshot.<Snapshot>findById(task.id))
                .filter(s -> s.status == SnapshotStatus.PROCESSING);
        if (item.isEmpty()) {
            throw new DomainException.Conflict("Task " + taskId + " is not an open snapshot task of node " + nodeId
                    + "; it ended (past its deadline or deleted) and its bundle is no longer wanted.");
        }
        return new UploadTarget(item.get().id, objectKey(item.get()));
    }

    /** Records a verified archive on its item; false when the item no longer waits for one (then the archive is unwanted). */
    @Transactional
    public boolean recordArchive(long snapshotId, String objectKey, long sizeBytes, String sha256) {
        Snapshot item = Snapshot.findById(snapshotId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null || item.status != SnapshotStatus.PROCESSING) {
            return false;
        }
        item.objectKey = objectKey;
        item.sizeBytes = sizeBytes;
        item.sha256 = sha256;
        return true;
    }

    /** Ends the item when its task ends: completed if its archive was stored, failed otherwise, with why. */
    void onTaskFinished(@Observes TaskFinished finished) {
        if (finished.kind() != KindCase.SNAPSHOT) {
            return;
        }
        Snapshot item = Snapshot.findById(finished.taskId(), LockModeType.PESSIMISTIC_WRITE);
        if (item == null || item.status != SnapshotStatus.PROCESSING) {
            return;
        }
        if (finished.succeeded() && item.objectKey != null) {
            finish(item, SnapshotStatus.COMPLETED, null);
        } else if (finished.succeeded()) {
            finish(item, SnapshotStatus.FAILED, "The Warden on node " + item.nodeId
                    + " reported the snapshot done, but no archive reached the Supervisor; take a new snapshot.");
        } else {
            finish(item, SnapshotStatus.FAILED, Optional.ofNullable(finished.message()).filter(m -> !m.isBlank())
                    .orElse("The Warden on node " + item.nodeId + " could not take the snapshot."));
        }
    }

    private void finish(Snapshot item, SnapshotStatus next, String message) {
        switch (next) {
            case COMPLETED, FAILED -> {
                if (!item.status.canTransitionTo(next)) {
                    throw new DomainException.IllegalTransition("Snapshot item " + item.id + " is already "
                            + item.status.wireName() + " and cannot become " + next.wireName() + ".");
                }
            }
            case PROCESSING -> throw new DomainException.IllegalTransition("A snapshot item never returns to processing.");
        }
        item.status = next;
        item.inProgressDeploymentId = null;
        item.message = message;
        if (next == SnapshotStatus.COMPLETED) {
            item.completedAt = clock.instant();
        }
        Log.infof("Snapshot %s item %d on node %d: %s%s", item.name, item.id, item.nodeId, next.wireName(),
                message == null ? "" : " - " + message);
        finishedEvents.fire(new SnapshotFinished(item.id, next));
    }
}
