package io.lodestar.supervisor.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.lodestar.supervisor.common.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the local store's signed download URLs. The signature is the credential (no API key), so these
 * are plain HTTP routes outside the API's key filter; the file is sent by the OS, never read into memory.
 */
@ApplicationScoped
public class SignedDownloadRoute {

    @Inject
    ObjectStore store;

    @Inject
    Clock clock;

    void register(@Observes Router router) {
        router.get(LocalObjectStore.DOWNLOAD_PATH + "*").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        String path = context.normalizedPath();
        if (!(store instanceof LocalObjectStore local)) {
            problem(context.response(), 404, "Downloads are served by the object store configured for this Supervisor.", path);
            return;
        }
        String key = path.substring(LocalObjectStore.DOWNLOAD_PATH.length());
        String expires = context.request().getParam("expires");
        String signature = context.request().getParam("signature");
        long expiry;
        try {
            expiry = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            problem(context.response(), 403, "This download URL is incomplete; request a new one from the download endpoint.", path);
            return;
        }
        if (!local.signer().verify(key, expiry, signature, clock.instant())) {
            problem(context.response(), 403,
                    "This download URL has expired or was altered; request a new one from the download endpoint.", path);
            return;
        }
        Optional<Path> file = local.file(key).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            problem(context.response(), 404, "This snapshot archive no longer exists; it was deleted or passed its retention.", path);
            return;
        }
        context.response()
                .putHeader("Content-Type", "application/zip")
                .putHeader("Content-Disposition", "attachment; filename=\"" + ObjectKeys.fileName(key) + "\"")
                .putHeader("Cache-Control", "no-store")
                .sendFile(file.get().toString());
    }

    private static void problem(HttpServerResponse response, int status, String detail, String path) {
        Problem.of(status, detail, path).send(response);
    }
}
