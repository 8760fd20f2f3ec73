package io.lodestar.supervisor.deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityFinished;
import io.lodestar.supervisor.activity.ActivityService;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.activity.ActionSpec;
import io.lodestar.supervisor.activity.RuntimeName;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentService;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.operation.Operation;
import io.lodestar.supervisor.operation.OperationService;
import io.lodestar.supervisor.operation.OperationType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;

/** Creates and reads deployments; the only place a deployment's status changes. */
@ApplicationScoped
public class DeploymentService {

    @Inject
    AgentService agents;

    @Inject
    ActivityService activities;

    @Inject
    OperationService operations;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    public record NewDeployment(String name, List<Long> agentIds, List<RuntimeName> runtimes) {
    }

    /** Places the deployment on its agents and starts its runtimes there; status {@code deploying}. */
    @Transactional
    public DeploymentView create(long tenantId, long authorId, NewDeployment request) {
        Set<Long> wanted = new LinkedHashSet<>(request.agentIds());
        List<Agent> found = agents.findAll(tenantId, wanted);
        Set<Long> foundIds = found.stream().map(a -> a.id).collect(Collectors.toSet());
        List<Long> missing = wanted.stream().filter(id -> !foundIds.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException.Invalid("These agents were not found: " + missing + ". List yours with GET /agents.");
        }
        if (found.stream().map(a -> a.environmentId).distinct().count() > 1) {
            throw new DomainException.Invalid("All agents of a deployment must be in one environment.");
        }
        List<Long> busy = busyAgents(wanted);
        if (!busy.isEmpty()) {
            throw new DomainException.Conflict("These agents already belong to a live deployment: " + busy
                    + ". Delete that deployment first or pick other agents.");
        }
        Deployment deployment = new Deployment();
        deployment.id = ids.next();
        deployment.placeIn(found.get(0).scope());
        deployment.name = request.name();
        deployment.status = DeploymentStatus.DEPLOYING;
        deployment.createdAt = clock.instant();
        deployment.updatedAt = deployment.createdAt;
        deployment.persist();
        for (Long agentId : wanted) {
            DeploymentNode node = new DeploymentNode();
            node.id = ids.next();
            node.deploymentId = deployment.id;
            node.nodeId = agentId;
            node.persist();
        }
        List<Long> nodeIds = new ArrayList<>(wanted);
        Map<Long, Operation> deployOperations = new HashMap<>();
        String runtimes = request.runtimes().stream().map(RuntimeName::wireName).collect(Collectors.joining(", "));
        for (Long agentId : nodeIds) {
            deployOperations.put(agentId, operations.begin(deployment, agentId, OperationType.DEPLOY,
                    "Deploy " + deployment.name, "Start " + runtimes + " on agent " + agentId + ".", null));
        }
        for (RuntimeName runtime : request.runtimes()) {
            for (Activity activity : activities.createAll(deployment, nodeIds, runtime, ActionSpec.start(), authorId)) {
                operations.attach(deployOperations.get(activity.nodeId), activity.id); // the task shares the activity's id
            }
        }
        return DeploymentView.of(deployment, nodeIds);
    }

    public Deployment get(long tenantId, long deploymentId) {
        Deployment deployment = Deployment.<Deployment>find("id = ?1 and tenantId = ?2", deploymentId, tenantId).firstResult();
        if (deployment == null) {
            throw new DomainException.NotFound("Deployment " + deploymentId + " was not found.");
        }
        return deployment;
    }

    public DeploymentView view(long tenantId, long deploymentId) {
        Deployment deployment = get(tenantId, deploymentId);
        return DeploymentView.of(deployment, nodeIds(deployment.id));
    }

    public List<Long> nodeIds(long deploymentId) {
        return DeploymentNode.<DeploymentNode>list("deploymentId = ?1 order by id", deploymentId).stream()
                .map(n -> n.nodeId).toList();
    }

    public Page<DeploymentView> list(long tenantId, PageRequest request) {
        PanacheQuery<Deployment> query = Deployment.find("tenantId = ?1 order by id desc", tenantId);
        List<Deployment> rows = query.range(request.offset(), request.offset() + request.size() - 1).list();
        return Page.of(rows, query.count(), request, d -> DeploymentView.of(d, nodeIds(d.id)));
    }

    /**
     * A deploying deployment becomes {@code ready} once every activity since it started deploying has
     * completed (the Warden reports success only after the runtime's health check passed), or
     * {@code failed} if any was rejected.
     */
    void onActivityFinished(@Observes ActivityFinished finished) {
        // The row lock orders concurrent finishes on one deployment, so the last one sees all the others.
        Deployment deployment = Deployment.findById(finished.deploymentId(), LockModeType.PESSIMISTIC_WRITE);
        if (deployment == null || deployment.status != DeploymentStatus.DEPLOYING) {
            return;
        }
        if (activities.countSince(deployment.id, deployment.updatedAt, ActivityStatus.PROCESSING) > 0) {
            return;
        }
        boolean anyRejected = activities.countSince(deployment.id, deployment.updatedAt, ActivityStatus.REJECTED) > 0;
        transition(deployment, anyRejected ? DeploymentStatus.FAILED : DeploymentStatus.READY);
    }

    private void transition(Deployment deployment, DeploymentStatus next) {
        if (!deployment.status.canTransitionTo(next)) {
            throw new DomainException.IllegalTransition("Deployment " + deployment.id + " cannot go from "
                    + deployment.status.wireName() + " to " + next.wireName() + ".");
        }
        Log.infof("Deployment %d: %s -> %s", deployment.id, deployment.status.wireName(), next.wireName());
        deployment.status = next;
        deployment.updatedAt = clock.instant();
        if (next == DeploymentStatus.KILLED) {
            deployment.endedAt = deployment.updatedAt;
        }
    }

    private List<Long> busyAgents(Collection<Long> agentIds) {
        return DeploymentNode.getEntityManager().createQuery(
                "select n.nodeId from DeploymentNode n, Deployment d where n.deploymentId = d.id"
                        + " and d.status <> :killed and n.nodeId in :ids", Long.class)
                .setParameter("killed", DeploymentStatus.KILLED)
                .setParameter("ids", agentIds)
                .getResultList();
    }
}
