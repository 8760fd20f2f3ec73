package io.lodestar.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Builds release bundles and Debian packages with the project's own scripts, as a release does. */
final class ReleaseBundles {

    private ReleaseBundles() {
    }

    /** The repository root: the folder holding deploy/release. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/release/build-bundle.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the Lodestar repository");
        }
        return dir;
    }

    private static final java.util.Map<String, Path> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The release bundle of {@code component} (warden, supervisor), built once per test run by
     * deploy/release/build-bundle.sh; the tarball, with its .sha256 beside it. Copy it before changing it.
     */
    static synchronized Path bundle(String component) throws IOException, InterruptedException {
        Path built = BUILT.get(component);
        if (built == null) {
            built = bundle(component, Files.createTempDirectory("lodestar-release").resolve(component));
            BUILT.put(component, built);
        }
        return built;
    }

    private static Path bundle(String component, Path out) throws IOException, InterruptedException {
        Path repo = repository();
        run(out.resolveSibling(component + "-bundle.log"), repo.resolve("deploy/release/build-bundle.sh").toString(),
                "--component", component, "--app", repo.resolve(component + "/target/quarkus-app").toString(),
                "--version", System.getProperty("lodestar.version", "0.0.0-dev"), "--out", out.toString(),
                "--jdk", System.getProperty("lodestar.bundle.jdk", System.getProperty("java.home")));
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.getFileName().toString().startsWith("lodestar-" + component + "-")
                    && file.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
    }

    /** deploy/debian/build-deb.sh from {@code bundle} with {@code version}; the .deb. */
    static Path deb(Path bundle, String version, Path out) throws IOException, InterruptedException {
        String printed = run(out.resolveSibling("deb-" + version + ".log"), repository().resolve("deploy/debian/build-deb.sh").toString(),
                "--bundle", bundle.toString(), "--version", version, "--out", out.toString());
        return Path.of(printed.strip().lines().reduce((first, last) -> last).orElseThrow());
    }

    /** Runs a build script; its output, or an exception holding it when it fails. */
    static String run(Path log, String... command) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 6 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
        }
        return output;
    }
}
