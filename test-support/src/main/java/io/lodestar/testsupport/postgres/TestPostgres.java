package io.lodestar.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for the tests that run Supervisors on one: {@code lodestar.it.postgres} (default
 * jdbc:postgresql://127.0.0.1:5432/) as {@code lodestar.it.postgres-user} (default postgres), database names
 * prefixed with {@code lodestar.it.db-prefix} (default lodestar_it). .ci/run starts PostgreSQL before the build, so
 * there these tests always run; without a server they are skipped and say why. The JDBC driver and JUnit come from
 * the module that uses this.
 */
public final class TestPostgres {

    public static final String SERVER = System.getProperty("lodestar.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getProperty("lodestar.it.postgres-user", "postgres");
    public static final String PASSWORD = System.getProperty("lodestar.it.postgres-password", "");
    private static final String PREFIX = System.getProperty("lodestar.it.db-prefix", "lodestar_it");

    private TestPostgres() {
    }

    /** Drops and creates {@code <prefix>_<name>}; returns its JDBC URL. Skips the test without a server. */
    public static String freshDatabase(String name) {
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

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** The Supervisor's settings that point it at this database. */
    public static Map<String, String> datasourceSettings(String url) {
        return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    /** The same as JVM options. */
    public static String datasourceOptions(String url) {
        return "-Dquarkus.datasource.jdbc.url=" + url + " -Dquarkus.datasource.username=" + USER
                + (PASSWORD.isEmpty() ? "" : " -Dquarkus.datasource.password=" + PASSWORD);
    }
}
