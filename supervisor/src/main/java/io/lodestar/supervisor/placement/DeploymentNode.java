package io.lodestar.supervisor.placement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Places one node (agent) in a deployment. */
@Entity
@Table(name = "deployment_nodes")
public class DeploymentNode extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "deployment_id")
    public long deploymentId;
    @Column(name = "node_id")
    public long nodeId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "runtime_state")
    public NodeRuntimeState runtimeState = NodeRuntimeState.STARTING;
    /** Its replica id in its deployment's Iggy cluster, assigned once; null outside a cluster. */
    @Column(name = "replica_id")
    public Integer replicaId;
    /** The address its roster entry names ({@code ip}); null outside a cluster. */
    @Column(name = "cluster_ip")
    public String clusterIp;
    /** Its roster entry's ports as {@code tcp=8090,quic=8080,…}; null outside a cluster. */
    @Column(name = "cluster_ports")
    public String clusterPorts;

    /** The node's replica id in its deployment's Iggy cluster; empty outside a cluster. */
    public static java.util.Optional<Integer> replicaIdOf(long deploymentId, long nodeId) {
        // No flush first: flushing the caller's pending agent updates here would hold their row locks for the rest
        // of its transaction, and heartbeats wait on them (replica ids are written once, at creation).
        DeploymentNode node = find("deploymentId = ?1 and nodeId = ?2", deploymentId, nodeId)
                .withHint("org.hibernate.flushMode", "COMMIT").firstResult();
        return java.util.Optional.ofNullable(node == null ? null : node.replicaId);
    }
}
