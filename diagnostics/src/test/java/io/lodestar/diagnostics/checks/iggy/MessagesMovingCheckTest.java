package io.lodestar.diagnostics.checks.iggy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.IggyApiView.MessageCount;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesMovingCheckTest {

    private static CheckResult run(MessageCount... counts) {
        return new MessagesMovingCheck().run(Contexts.on(new FakeHost(), new FakeProbe())
                .iggyApi(new IggyApiView(List.of(counts), List.of(), List.of(), List.of())).build());
    }

    @Test
    void aStillCountWithClientsConnectedWarns() {
        CheckResult result = run(new MessageCount(Contexts.NOW.minusSeconds(30), 500, 3), new MessageCount(Contexts.NOW, 500, 3));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("messages not moving: 500 for 30 s with 3 client(s) connected");
    }

    @Test
    void aGrowingCountPassesAndAShortOrLonelySpanDoesNotWarn() {
        assertThat(run(new MessageCount(Contexts.NOW.minusSeconds(30), 500, 3), new MessageCount(Contexts.NOW, 900, 3))
                .summary()).isEqualTo("400 message(s) in the last 30 s");
        assertThat(run(new MessageCount(Contexts.NOW.minusSeconds(2), 500, 3), new MessageCount(Contexts.NOW, 500, 3))
                .status()).isEqualTo(Status.SKIP);
        assertThat(run(new MessageCount(Contexts.NOW.minusSeconds(30), 500, 0), new MessageCount(Contexts.NOW, 500, 0))
                .status()).isEqualTo(Status.INFO);
        assertThat(run(new MessageCount(Contexts.NOW, 500, 0)).status()).isEqualTo(Status.SKIP);
    }
}
