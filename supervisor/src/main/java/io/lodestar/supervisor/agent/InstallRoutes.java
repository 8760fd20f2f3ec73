package io.lodestar.supervisor.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.common.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What a new node downloads, without an API key (it has none yet; the enrollment token it carries
 * is checked over gRPC): the installer at {@code GET /install/warden.sh}, with this Supervisor's
 * addresses filled in, and the Warden's release bundle for its architecture with its checksum at
 * {@code GET /install/lodestar-warden-linux-ARCH.tar.gz[.sha256]}, from
 * {@code supervisor.enrollment.bundle-dir}. Plain Vert.x routes, outside the API's key filter.
 */
@ApplicationScoped
public class InstallRoutes {

    static final String SCRIPT_RESOURCE = "install/warden.sh";
    static final String BUNDLE_DIR_SETTING = "supervisor.enrollment.bundle-dir";
    private static final Pattern REQUEST = Pattern.compile("/install/lodestar-warden-linux-([a-z0-9_]+)\\.tar\\.gz(\\.sha256)?");

    @Inject
    InstallAddresses addresses;

    @Inject
    SupervisorConfig config;

    private final String script = readScript();

    void register(@Observes Router router) {
        router.get("/install/warden.sh").handler(this::script);
        router.getWithRegex("/install/lodestar-warden-linux-[^/]+").blockingHandler(this::bundle);
    }

    private void script(RoutingContext context) {
        URI request = URI.create(context.request().absoluteURI());
        String body = script.replace("@LODESTAR_URL@", quoted(addresses.publicUrl(request)))
                .replace("@LODESTAR_GRPC@", quoted(addresses.grpcAddress(request)));
        context.response().putHeader("Content-Type", "text/x-shellscript; charset=utf-8").end(body);
    }

    private void bundle(RoutingContext context) {
        String path = context.request().path();
        Matcher matcher = REQUEST.matcher(path);
        if (!matcher.matches()) {
            Problem.of(404, "There is no Warden bundle at " + path
                    + "; the installer asks for /install/lodestar-warden-linux-ARCH.tar.gz (ARCH: amd64, arm64).", path)
                    .send(context.response());
            return;
        }
        String arch = matcher.group(1);
        boolean checksum = matcher.group(2) != null;
        Optional<String> dir = config.enrollment().bundleDir();
        if (dir.isEmpty()) {
            Problem.of(404, "This Supervisor serves no Warden bundle: set " + BUNDLE_DIR_SETTING
                    + " to the folder holding lodestar-warden-VERSION-linux-ARCH.tar.gz and its .sha256"
                    + " (./mvnw -Prelease -DskipTests package builds them in warden/target/release).", path)
                    .send(context.response());
            return;
        }
        Optional<Path> found = newest(Path.of(dir.get()), arch);
        if (found.isEmpty()) {
            Problem.of(404, "No Warden bundle for linux-" + arch + " in " + dir.get() + " (" + BUNDLE_DIR_SETTING
                    + "): it needs lodestar-warden-VERSION-linux-" + arch + ".tar.gz and its .sha256.", path)
                    .send(context.response());
            return;
        }
        File file = checksum ? new File(found.get() + ".sha256") : found.get().toFile();
        context.response().putHeader("Content-Type", checksum ? "text/plain; charset=utf-8" : "application/gzip")
                .sendFile(file.getPath());
    }

    /** The most recently built bundle for {@code arch} that has its checksum beside it. */
    static Optional<Path> newest(Path dir, String arch) {
        Pattern name = Pattern.compile("lodestar-warden-.+-linux-" + Pattern.quote(arch) + "\\.tar\\.gz");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> name.matcher(file.getFileName().toString()).matches())
                    .filter(file -> Files.isRegularFile(Path.of(file + ".sha256")))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value for the script's single-quoted assignments. */
    private static String quoted(String value) {
        return value.replace("'", "'\\''");
    }

    private static String readScript() {
        try (InputStream in = InstallRoutes.class.getClassLoader().getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the Supervisor's build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
