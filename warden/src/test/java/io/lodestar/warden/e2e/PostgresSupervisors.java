package io.lodestar.warden.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.lodestar.testsupport.io.FileTrees;

/**
 * What several Supervisors on one PostgreSQL need in a test beside a fresh database ({@code TestPostgres} in
 * test-support): the Supervisor's package augmented for PostgreSQL.
 */
final class PostgresSupervisors {

    private PostgresSupervisors() {
    }

    /**
     * A copy of the built Supervisor package under {@code home}, augmented for PostgreSQL by its own
     * bin/lodestar-supervisor (as an operator's LODESTAR_DB_KIND=postgresql does); returns its folder.
     */
    static Path augmentedPackage(Path root, Path home) throws IOException, InterruptedException {
        Path app = home.resolve("quarkus-app");
        FileTrees.copy(root.resolve("supervisor/target/quarkus-app"), app);
        Path log = home.resolve("augment.log");
        ProcessBuilder augment = new ProcessBuilder("sh", app.resolve("bin/lodestar-supervisor").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        augment.environment().put("LODESTAR_DB_KIND", "postgresql");
        augment.environment().put("LODESTAR_AUGMENT_ONLY", "1");
        Process process = augment.start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("augmenting the Supervisor for PostgreSQL failed:\n" + Files.readString(log));
        }
        return app;
    }
}
