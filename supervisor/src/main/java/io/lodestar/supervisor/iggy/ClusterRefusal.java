package io.lodestar.supervisor.iggy;

import java.util.Map;

import io.lodestar.supervisor.common.DomainException;

/**
 * 409: something Iggy cannot do to a cluster whose replicas hold data (rename it, change its replica set). The
 * problem document's {@code refusal} names which ({@code cluster_rename}, {@code cluster_membership}); its detail
 * says why, with the source, and what to do instead. {@code "force": true} does not help: Iggy itself would refuse
 * to boot.
 */
public class ClusterRefusal extends DomainException.Conflict {

    private final String refusal;

    public ClusterRefusal(String refusal, String detail) {
        super(detail);
        this.refusal = refusal;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("refusal", refusal);
    }
}
