package io.lodestar.supervisor.replicas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for the package tests: {@code lodestar.it.postgres} (default
 * jdbc:postgresql://127.0.0.1:5432/) as {@code lodestar.it.postgres-user} (default postgres), database
 * names prefixed with {@code lodestar.it.db-prefix} (default lodestar_it). .ci/run starts PostgreSQL
 * before the build, so there these tests always run; without a server they are skipped and say why.
 */
final class TestPostgres {

    static final String SERVER = System.getProperty("lodestar.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("lodestar.it.postgres-user", "postgres");
    static final String PASSWORD = System.getProperty("lodestar.it.postgres-password", "");
    private static final String PREFIX = System.getProperty("lodestar.it.db-prefix", "lodestar_it");

    private TestPostgres() {
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
}
