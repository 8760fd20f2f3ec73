package io.lodestar.supervisor.placement;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.Runtimes;
import io.lodestar.supervisor.tenancy.ScopedEntity;

/** An Iggy cluster placed on one or more nodes of one environment. */
@Entity
@Table(name = "deployments")
public class Deployment extends ScopedEntity {
    public String name;
    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;
    /** When the status last changed. */
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    /** The runtimes it runs on each node, space-separated wire names ({@code iggy connectors}). */
    public String runtimes = "iggy";
    /** The Iggy cluster's name when the deployment is one cluster ({@code [cluster] name}); null otherwise. */
    @Column(name = "cluster_name")
    public String clusterName;

    public boolean isCluster() {
        return clusterName != null;
    }

    public List<RuntimeName> runtimeNames() {
        return Arrays.stream(runtimes.split(" ")).map(Runtimes::parse).toList();
    }
}
