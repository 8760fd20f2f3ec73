package io.lodestar.diagnostics.checks.iggy;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.util.List;

/**
 * Connectors in {@code error}, from the connectors runtime's own {@code /stats} and {@code /sinks},
 * {@code /sources} ({@code ConnectorStatus}, core/connectors/sdk/src/api.rs): a connector whose plugin
 * could not load or that failed keeps running nothing while the runtime stays healthy.
 */
public final class ConnectorStatusCheck extends AbstractCheck {

    public ConnectorStatusCheck() {
        super("runtime.connectors.status", "Connector statuses", Category.RUNTIMES);
    }

    @Override
    public CheckResult run(HostContext context) {
        IggyApiView view = context.iggyApi();
        if (view == null) {
            return CheckResult.skip("the Warden did not read the connectors runtime's API");
        }
        if (view.connectors().isEmpty()) {
            return view.unseen().isEmpty() ? CheckResult.pass("no connectors configured").build()
                    : CheckResult.skip("connector statuses not seen: " + String.join("; ", view.unseen()));
        }
        List<IggyApiView.Connector> failed = view.connectors().stream().filter(c -> c.status().equals("error")).toList();
        if (failed.isEmpty()) {
            return CheckResult.pass(view.connectors().size() + " connector(s), none in error")
                    .detail("statuses", statuses(view.connectors())).build();
        }
        CheckResult.Builder result = CheckResult.fail(failed.size() + " connector(s) in error: "
                + String.join(", ", failed.stream().map(IggyApiView.Connector::key).toList()))
                .remediation("Read each connector's last_error: a plugin library that cannot be found needs the .so at its "
                        + "path; a failing sink or source needs its target fixed. Then restart it (POST /sinks/{key}/restart "
                        + "on the connectors runtime) or the runtime.");
        for (IggyApiView.Connector connector : failed) {
            result.detail(connector.key() + ".last_error", connector.lastError().isEmpty() ? "(none given)" : connector.lastError());
        }
        return result.detail("statuses", statuses(view.connectors())).build();
    }

    private static String statuses(List<IggyApiView.Connector> connectors) {
        return String.join(", ", connectors.stream().map(c -> c.key() + "=" + c.status()).toList());
    }
}
