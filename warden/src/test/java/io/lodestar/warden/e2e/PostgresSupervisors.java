package io.lodestar.warden.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * What several Supervisors on one PostgreSQL need in a test: a fresh database and the Supervisor's package
 * augmented for PostgreSQL. The server is {@code lodestar.it.postgres} (default jdbc:postgresql://127.0.0.1:5432/)
 * as {@code lodestar.it.postgres-user} (default postgres); database names start with {@code lodestar.it.db-prefix}
 * (default lodestar_it). .ci/run starts PostgreSQL before the build; without a server the test is skipped and says why.
 */
final class PostgresSupervisors {

    static final String SERVER = System.getProperty("lodestar.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("lodestar.it.postgres-user", "postgres");
    static final String PASSWORD = System.getProperty("lodestar.it.postgres-password", "");
    private static final String PREFIX = System.getProperty("lodestar.it.db-prefix", "lodestar_it");

    private PostgresSupervisors() {
    }

    /** Drops and creates {@code <prefix>_<name>}; returns its JDBC URL. Skips the test without a server. */
    static String freshDatabase(String name) {
        String database = PREFIX + "_" + name;
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + SERVER + " (" + e.getMessage() + "); .ci/run starts one");
        }
        return SERVER + database;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** The JVM options that point a Supervisor at this database. */
    static String datasourceOptions(String url) {
        return "-Dquarkus.datasource.jdbc.url=" + url + " -Dquarkus.datasource.username=" + USER
                + (PASSWORD.isEmpty() ? "" : " -Dquarkus.datasource.password=" + PASSWORD);
    }

    /**
     * A copy of the built Supervisor package under {@code home}, augmented for PostgreSQL by its own
     * bin/lodestar-supervisor (as an operator's LODESTAR_DB_KIND=postgresql does); returns its folder.
     */
    static Path augmentedPackage(Path root, Path home) throws IOException, InterruptedException {
        Path app = home.resolve("quarkus-app");
        copyTree(root.resolve("supervisor/target/quarkus-app"), app);
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

    static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
