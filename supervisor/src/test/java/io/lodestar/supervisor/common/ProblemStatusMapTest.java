package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemStatusMapTest {

    @Test
    void eachDomainErrorHasItsStatus() {
        assertThat(ProblemStatusMap.statusOf(new DomainException.Invalid("x"))).isEqualTo(400);
        assertThat(ProblemStatusMap.statusOf(new DomainException.Unauthenticated("x"))).isEqualTo(401);
        assertThat(ProblemStatusMap.statusOf(new DomainException.Forbidden("x"))).isEqualTo(403);
        assertThat(ProblemStatusMap.statusOf(new DomainException.NotFound("x"))).isEqualTo(404);
        assertThat(ProblemStatusMap.statusOf(new DomainException.Conflict("x"))).isEqualTo(409);
        assertThat(ProblemStatusMap.statusOf(new DomainException.IllegalTransition("x"))).isEqualTo(409);
        assertThat(ProblemStatusMap.statusOf(new DomainException.TooManyRequests("x"))).isEqualTo(429);
    }

    @Test
    void aSubclassTakesItsNearestMappedAncestor() {
        class Specific extends DomainException.NotFound {
            Specific() {
                super("x");
            }
        }
        assertThat(ProblemStatusMap.statusOf(new Specific())).isEqualTo(404);
    }

    @Test
    void anythingElseIsAServerError() {
        assertThat(ProblemStatusMap.statusOf(new IllegalStateException())).isEqualTo(500);
    }
}
