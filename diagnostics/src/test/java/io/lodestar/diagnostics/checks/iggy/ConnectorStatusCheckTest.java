package io.lodestar.diagnostics.checks.iggy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.Status;
import io.lodestar.diagnostics.testing.Contexts;
import io.lodestar.diagnostics.testing.FakeHost;
import io.lodestar.diagnostics.testing.FakeProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorStatusCheckTest {

    private static CheckResult run(IggyApiView view) {
        return new ConnectorStatusCheck().run(Contexts.on(new FakeHost(), new FakeProbe()).iggyApi(view).build());
    }

    @Test
    void aConnectorInErrorFailsWithItsLastError() {
        CheckResult result = run(new IggyApiView(List.of(), List.of(), List.of(
                new IggyApiView.Connector("stdout", "sink", "running", ""),
                new IggyApiView.Connector("postgres", "source", "error", "Plugin library not found")), List.of()));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("1 connector(s) in error: postgres");
        assertThat(result.details()).containsEntry("postgres.last_error", "Plugin library not found")
                .containsEntry("statuses", "stdout=running, postgres=error");
    }

    @Test
    void runningConnectorsPassAndAnUnreadViewIsSkippedWithTheReason() {
        assertThat(run(new IggyApiView(List.of(), List.of(), List.of(
                new IggyApiView.Connector("stdout", "sink", "running", "")), List.of())).status()).isEqualTo(Status.PASS);
        CheckResult unseen = run(IggyApiView.none("/stats: 401 from /stats"));
        assertThat(unseen.status()).isEqualTo(Status.SKIP);
        assertThat(unseen.summary()).contains("401 from /stats");
        assertThat(run(null).status()).isEqualTo(Status.SKIP);
    }
}
