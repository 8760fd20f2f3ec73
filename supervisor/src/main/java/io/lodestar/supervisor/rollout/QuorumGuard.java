package io.lodestar.supervisor.rollout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.lodestar.protocol.RuntimeName;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentState;
import io.lodestar.supervisor.agent.RuntimeHealthReports;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentNode;
import io.lodestar.supervisor.placement.NodeRuntimeState;

/**
 * Keeps a replicated cluster's majority while a rollout takes nodes down. A node is up when its Warden is connected
 * and its runtimes answer their health checks as its heartbeats last reported ({@link #healthy}); every other node
 * of the deployment is down, whatever the reason, and so is every node with an action in flight in any rollout.
 * At most {@code floor((N-1)/2)} of N nodes may be down (1 of 3, 2 of 5); a cluster of one or two nodes has no
 * majority to keep, so one node at a time may go down there. In a cluster deployment the count is of Iggy replicas
 * (the roster's members, each node one replica): the majority VSR needs is of the replicas, not of whatever nodes
 * the deployment holds.
 */
@ApplicationScoped
class QuorumGuard {

    /** The nodes admitted now, and why the others wait (null when none waits). */
    record Admission(List<RolloutNode> admitted, String heldBecause) {
    }

    static int maxDown(int nodes) {
        return nodes >= 3 ? (nodes - 1) / 2 : 1;
    }

    /**
     * Whether the node's runtimes are healthy right now, from its Warden's reports (not from any rollout's
     * bookkeeping): connected, and each of the deployment's runtimes answering its health check as the heartbeats
     * last said. For a runtime whose Warden never reported its health (an older Warden), its last action's outcome
     * and exits decide ({@code ready}).
     */
    boolean healthy(long deploymentId, long nodeId) {
        DeploymentNode node = DeploymentNode.find("deploymentId = ?1 and nodeId = ?2", deploymentId, nodeId).firstResult();
        Agent agent = Agent.findById(nodeId);
        Deployment deployment = Deployment.findById(deploymentId);
        if (node == null || agent == null || agent.state != AgentState.ONLINE || deployment == null) {
            return false;
        }
        for (RuntimeName runtime : deployment.runtimeNames()) {
            Boolean reported = RuntimeHealthReports.healthy(nodeId, runtime);
            if (reported == null ? node.runtimeState != NodeRuntimeState.READY : !reported) {
                return false;
            }
        }
        return true;
    }

    /** The deployment's nodes that are down now, in node order. */
    List<Long> down(long deploymentId) {
        List<DeploymentNode> members = DeploymentNode.list("deploymentId = ?1 order by nodeId", deploymentId);
        Set<Long> inFlight = new HashSet<>(RolloutNode.getEntityManager().createQuery("select n.nodeId from RolloutNode n,"
                + " Rollout r where n.rolloutId = r.id and r.deploymentId = :deployment and n.state = :running", Long.class)
                .setParameter("deployment", deploymentId).setParameter("running", RolloutNodeState.RUNNING).getResultList());
        List<Long> down = new ArrayList<>();
        for (DeploymentNode member : members) {
            if (inFlight.contains(member.nodeId) || !healthy(deploymentId, member.nodeId)) {
                down.add(member.nodeId);
            }
        }
        return down;
    }

    /** The nodes down, the first ten by id and how many more: a message must stay readable (and fit its column). */
    static String named(List<Long> down) {
        return down.size() <= 10 ? down.toString()
                : down.subList(0, 10).toString().replace("]", ", and " + (down.size() - 10) + " more]");
    }

    /**
     * Admits waiting nodes, in order, as long as the nodes down stay within the majority's margin. A node already
     * down is always admitted: acting on it takes nothing more down.
     */
    Admission admit(long deploymentId, List<RolloutNode> waiting) {
        Deployment deployment = Deployment.findById(deploymentId);
        boolean cluster = deployment != null && deployment.isCluster();
        int members = (int) (cluster ? DeploymentNode.count("deploymentId = ?1 and replicaId is not null", deploymentId)
                : DeploymentNode.count("deploymentId", deploymentId));
        String what = cluster ? "replicas of Iggy cluster '" + deployment.clusterName + "'" : "nodes";
        int allowed = maxDown(members);
        List<Long> down = down(deploymentId);
        List<RolloutNode> admitted = new ArrayList<>();
        int downNow = down.size();
        for (RolloutNode node : waiting) {
            if (down.contains(node.nodeId)) {
                admitted.add(node);
            } else if (downNow + 1 <= allowed) {
                admitted.add(node);
                downNow++;
            }
        }
        if (admitted.size() == waiting.size()) {
            return new Admission(admitted, null);
        }
        return new Admission(admitted, "held by the quorum guard: " + down.size() + " of " + members + " " + what
                + " are down now " + named(down) + " and at most " + allowed + " may be down to keep a majority; waiting for a "
                + (cluster ? "replica" : "node") + " to be healthy again.");
    }
}
