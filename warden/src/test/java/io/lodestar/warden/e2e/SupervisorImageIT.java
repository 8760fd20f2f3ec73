package io.lodestar.warden.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Supervisor's OCI image, built by {@code deploy/oci/build-image.py} without a container engine:
 * its layout and digests are checked, its layers unpacked into a folder, and the Supervisor started
 * from that filesystem as the image would be run (chroot into it, the image's user, entrypoint and
 * environment), then probed with the image's own health check. Needs root (chroot and a private
 * mount namespace for /proc and /dev); skipped otherwise.
 */
class SupervisorImageIT {

    private static final String ADMIN_KEY = "ld_image_it_admin_key_0123456789abcdefghij";

    @Test
    void theImageRunsTheSupervisorAsItsOwnUserAndItsHealthCheckPasses() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "SupervisorImageIT needs root for chroot; skipped");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/sbin/chroot")),
                "SupervisorImageIT needs unshare and chroot (util-linux, coreutils); skipped");
        int shift = Integer.getInteger("lodestar.e2e.port-shift", 0);
        int http = 18980 + shift;
        Path work = Files.createTempDirectory("lodestar-image");
        Path layout = work.resolve("oci");
        ReleaseBundles.run(work.resolve("build-image.log"), ReleaseBundles.repository().resolve("deploy/oci/build-image.py").toString(),
                "--bundle", ReleaseBundles.bundle("supervisor").toString(), "--out", layout.toString());

        assertThat(Files.readString(layout.resolve("oci-layout"))).contains("\"imageLayoutVersion\": \"1.0.0\"");
        JsonObject index = json(layout.resolve("index.json"));
        JsonObject manifest = json(blob(layout, index.getAsJsonArray("manifests").get(0).getAsJsonObject()));
        JsonObject config = json(blob(layout, manifest.getAsJsonObject("config")));
        JsonObject run = config.getAsJsonObject("config");
        assertThat(run.get("User").getAsString()).isEqualTo("10001:10001");
        assertThat(run.getAsJsonObject("ExposedPorts").keySet()).containsExactlyInAnyOrder("8080/tcp", "9000/tcp", "9100/tcp");
        JsonArray healthcheck = run.getAsJsonObject("Healthcheck").getAsJsonArray("Test");
        assertThat(healthcheck.get(0).getAsString()).isEqualTo("CMD");

        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        JsonArray diffIds = config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids");
        JsonArray layers = manifest.getAsJsonArray("layers");
        for (int i = 0; i < layers.size(); i++) {
            Path layer = blob(layout, layers.get(i).getAsJsonObject());
            try (InputStream plain = new GZIPInputStream(Files.newInputStream(layer))) {
                assertThat("sha256:" + sha256(plain)).as("diff_id of layer %d", i).isEqualTo(diffIds.get(i).getAsString());
            }
            assertThat(sh(List.of("tar", "-C", rootfs.toString(), "-xzf", layer.toString()))).isZero();
        }

        List<String> environment = new ArrayList<>();
        run.getAsJsonArray("Env").forEach(entry -> environment.add(entry.getAsString()));
        environment.addAll(List.of("QUARKUS_HTTP_HOST=127.0.0.1", "QUARKUS_GRPC_SERVER_HOST=127.0.0.1", "QUARKUS_MANAGEMENT_HOST=127.0.0.1",
                "QUARKUS_HTTP_PORT=" + http, "QUARKUS_GRPC_SERVER_PORT=" + (http + 1), "QUARKUS_MANAGEMENT_PORT=" + (http + 2),
                "SUPERVISOR_BOOTSTRAP_ADMIN_KEY=" + ADMIN_KEY));
        List<String> entrypoint = strings(run.getAsJsonArray("Entrypoint"));
        Path log = work.resolve("supervisor.log");
        Process supervisor = new ProcessBuilder(inImage(rootfs, run.get("User").getAsString(), environment, entrypoint))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                assertThat(supervisor.isAlive()).as(Files.readString(log)).isTrue();
                given().baseUri("http://127.0.0.1:" + (http + 2)).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            });
            given().baseUri("http://127.0.0.1:" + http).header("ld-api-key", ADMIN_KEY).get("/agents").then().statusCode(200);
            assertThat(Files.readAllLines(Path.of("/proc/" + supervisor.pid() + "/status")))
                    .anyMatch(line -> line.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));
            assertThat(Path.of(rootfs + "/var/lib/lodestar-supervisor/supervisor.mv.db")).isRegularFile();

            List<String> probe = strings(healthcheck).subList(1, healthcheck.size()).stream()
                    .map(argument -> argument.replace(":9100/", ":" + (http + 2) + "/")).toList();
            assertThat(sh(inImage(rootfs, run.get("User").getAsString(), environment, probe))).as("the image's health check").isZero();
        } finally {
            supervisor.destroy();
            supervisor.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> stopped = strings(healthcheck).subList(1, healthcheck.size()).stream()
                .map(argument -> argument.replace(":9100/", ":" + (http + 2) + "/")).toList();
        assertThat(sh(inImage(rootfs, run.get("User").getAsString(), environment, stopped))).as("the health check of a stopped Supervisor").isOne();
    }

    /** The command line that runs {@code command} in the unpacked image as {@code user}, with /proc and /dev mounted privately. */
    private static List<String> inImage(Path rootfs, String user, List<String> environment, List<String> command) {
        StringBuilder script = new StringBuilder("mount --bind /proc " + rootfs + "/proc && mount --bind /dev " + rootfs + "/dev && exec /usr/sbin/chroot --userspec=" + user + " " + rootfs);
        command.forEach(argument -> script.append(" '").append(argument.replace("'", "'\\''")).append("'"));
        List<String> line = new ArrayList<>(List.of("env", "-i"));
        line.addAll(environment);
        line.addAll(List.of("/usr/bin/unshare", "--mount", "/bin/sh", "-c", script.toString()));
        return line;
    }

    private static int sh(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 2 minutes");
        }
        return process.exitValue();
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        for (JsonElement element : array) {
            values.add(element.getAsString());
        }
        return values;
    }

    /** The blob a descriptor points at, after checking its size and digest. */
    private static Path blob(Path layout, JsonObject descriptor) throws IOException, NoSuchAlgorithmException {
        String digest = descriptor.get("digest").getAsString();
        Path blob = layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
        assertThat(Files.size(blob)).as("size of %s", digest).isEqualTo(descriptor.get("size").getAsLong());
        try (InputStream in = Files.newInputStream(blob)) {
            assertThat("sha256:" + sha256(in)).isEqualTo(digest);
        }
        return blob;
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }
}
