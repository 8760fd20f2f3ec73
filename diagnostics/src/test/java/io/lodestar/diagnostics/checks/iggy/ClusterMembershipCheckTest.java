package io.lodestar.diagnostics.checks.iggy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.IggyApiView.ClusterMember;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMembershipCheckTest {

    private static CheckResult run(ClusterMember... members) {
        return new ClusterMembershipCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .iggyApi(new IggyApiView(List.of(), List.of(members), List.of(), List.of())).build());
    }

    @Test
    void allHealthyWithALeaderPasses() {
        assertThat(run(new ClusterMember("a", "leader", "healthy"), new ClusterMember("b", "follower", "healthy"),
                new ClusterMember("c", "follower", "healthy")).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aReplicaOutOfTheClusterWarnsAndLosingTheMajorityFails() {
        CheckResult one = run(new ClusterMember("a", "leader", "healthy"), new ClusterMember("b", "follower", "healthy"),
                new ClusterMember("c", "follower", "unreachable"));
        assertThat(one.status()).isEqualTo(Status.WARN);
        assertThat(one.summary()).isEqualTo("1 of 3 replica(s) not in the cluster");
        assertThat(one.details().get("members")).contains("c=unreachable/follower");

        CheckResult two = run(new ClusterMember("a", "leader", "healthy"), new ClusterMember("b", "follower", "unreachable"),
                new ClusterMember("c", "follower", "unreachable"));
        assertThat(two.status()).isEqualTo(Status.FAIL);
        assertThat(two.summary()).contains("no majority");
    }
}
