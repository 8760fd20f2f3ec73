package io.lodestar.diagnostics.checks.iggy;

import io.lodestar.diagnostics.Category;
import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.HostContext;
import io.lodestar.diagnostics.IggyApiView;
import io.lodestar.diagnostics.checks.AbstractCheck;
import java.time.Duration;
import java.util.List;

/**
 * Whether the server's message count ({@code messages_count} of {@code /stats}) moved over the Warden's
 * last reads while clients were connected: connected clients and a still count mean nobody is producing,
 * or produce requests fail.
 */
public final class MessagesMovingCheck extends AbstractCheck {

    static final Duration MIN_SPAN = Duration.ofSeconds(10);

    public MessagesMovingCheck() {
        super("runtime.iggy.messages", "Iggy messages moving", Category.RUNTIMES);
    }

    @Override
    public CheckResult run(HostContext context) {
        IggyApiView view = context.iggyApi();
        List<IggyApiView.MessageCount> counts = view == null ? List.of() : view.messages();
        if (counts.size() < 2) {
            return CheckResult.skip(view == null || view.unseen().isEmpty()
                    ? "fewer than two reads of the server's /stats" : "the server's /stats not read: " + String.join("; ", view.unseen()));
        }
        IggyApiView.MessageCount first = counts.get(0);
        IggyApiView.MessageCount last = counts.get(counts.size() - 1);
        Duration span = Duration.between(first.at(), last.at());
        long moved = last.messages() - first.messages();
        CheckResult.Builder result;
        if (moved > 0) {
            result = CheckResult.pass(moved + " message(s) in the last " + span.toSeconds() + " s");
        } else if (span.compareTo(MIN_SPAN) < 0) {
            return CheckResult.skip("the reads span only " + span.toMillis() + " ms");
        } else if (last.clients() > 0) {
            result = CheckResult.warn("messages not moving: " + last.messages() + " for " + span.toSeconds() + " s with "
                    + last.clients() + " client(s) connected")
                    .remediation("Connected clients store nothing: check the producers' logs for failed sends, and the "
                            + "server's log for refused requests.");
        } else {
            result = CheckResult.info("no messages for " + span.toSeconds() + " s and no clients connected");
        }
        return result.detail("messages", last.messages()).detail("span_s", span.toSeconds()).detail("clients", last.clients())
                .build();
    }
}
