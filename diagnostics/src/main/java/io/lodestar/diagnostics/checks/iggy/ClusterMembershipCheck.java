package io.lodestar.diagnostics.checks.iggy;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.List;

/**
 * Replicas the server does not report {@code healthy} in its {@code /cluster/metadata}
 * ({@code ClusterNodeStatus}: healthy, starting, stopping, unreachable, maintenance, unknown;
 * core/common/src/types/cluster/status.rs), and a cluster without a leader. Note: the current server
 * (main, core/server/src/cluster_meta.rs:122) reports every roster member {@code healthy} without
 * probing it, so today this check mostly catches a view with no leader ({@code role_for} makes every
 * node a follower when the server knows no primary); a replica that is down shows as its own node's
 * failed health and runtime checks.
 */
public final class ClusterMembershipCheck extends AbstractCheck {

    public ClusterMembershipCheck() {
        super("runtime.iggy.cluster", "Iggy cluster members", Category.RUNTIMES);
    }

    @Override
    public CheckResult run(HostContext context) {
        IggyApiView view = context.iggyApi();
        if (view == null || view.cluster().isEmpty()) {
            return CheckResult.skip(view == null || view.unseen().isEmpty() ? "the cluster's metadata was not read"
                    : "the cluster's metadata was not read: " + String.join("; ", view.unseen()));
        }
        List<IggyApiView.ClusterMember> out = view.cluster().stream().filter(m -> !m.status().equals("healthy")).toList();
        boolean leader = view.cluster().stream().anyMatch(m -> m.role().equals("leader"));
        String members = String.join(", ", view.cluster().stream().map(m -> m.name() + "=" + m.status() + "/" + m.role()).toList());
        if (out.isEmpty() && leader) {
            return CheckResult.pass(view.cluster().size() + " replica(s), all healthy").detail("members", members).build();
        }
        int majority = view.cluster().size() / 2 + 1;
        long healthy = view.cluster().size() - out.size();
        CheckResult.Builder result = healthy < majority
                ? CheckResult.fail(out.size() + " of " + view.cluster().size() + " replica(s) not in the cluster: no majority")
                : CheckResult.warn(out.size() + " of " + view.cluster().size() + " replica(s) not in the cluster"
                        + (leader ? "" : "; no leader"));
        return result.detail("members", members)
                .remediation("Check the named replicas' processes and logs, and that their tcp_replica ports are reachable "
                        + "from the others (net.ports). With fewer than a majority the cluster takes no writes.")
                .build();
    }
}
