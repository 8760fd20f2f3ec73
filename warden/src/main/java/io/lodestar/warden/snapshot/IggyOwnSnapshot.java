package io.lodestar.warden.snapshot;

import io.lodestar.diagnostics.bundle.BundleAttachment;
import io.lodestar.warden.metrics.IggyViews;
import java.io.IOException;
import java.util.List;

/**
 * Adds the Iggy server's own diagnostic ZIP ({@code POST /snapshot}, type {@code All}) to a snapshot
 * as {@code iggy-server-snapshot.zip} when the request includes Iggy and the Warden has a token; otherwise
 * the report's notes say why it is not there.
 */
public final class IggyOwnSnapshot {

    static final String NAME = "iggy-server-snapshot.zip";

    private IggyOwnSnapshot() {
    }

    public static List<BundleAttachment> attachments(IggyViews views, boolean includeIggy) {
        if (!includeIggy) {
            return List.of();
        }
        if (!views.hasServerToken()) {
            return List.of(BundleAttachment.missing(NAME + " not included: no Iggy personal access token is configured "
                    + "(warden.runtimes.iggy.token-file)"));
        }
        try {
            byte[] zip = views.serverSnapshot();
            return List.of(new BundleAttachment(NAME, zip, NAME + ": the Iggy server's own diagnostic ZIP (POST /snapshot, "
                    + "type All), " + zip.length + " bytes"));
        } catch (IOException e) {
            return List.of(BundleAttachment.missing(NAME + " not included: " + e.getMessage()));
        }
    }
}
