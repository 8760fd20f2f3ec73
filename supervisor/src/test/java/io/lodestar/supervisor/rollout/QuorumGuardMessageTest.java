package io.lodestar.supervisor.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class QuorumGuardMessageTest {

    @Test
    void aFewNodesDownAreAllNamedAndManyAreCounted() {
        assertThat(QuorumGuard.named(List.of(3L, 5L))).isEqualTo("[3, 5]");
        List<Long> many = LongStream.rangeClosed(1, 499).boxed().toList();
        assertThat(QuorumGuard.named(many)).isEqualTo("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, and 489 more]");
    }
}
