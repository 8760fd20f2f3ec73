package io.lodestar.supervisor.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lodestar.testsupport.postgres.TestPostgres;

/**
 * Two packaged Supervisors started together on one empty PostgreSQL database: one default tenant and
 * one admin key between them, distinct id workers, and concurrent writes through both all succeed.
 */
class ReplicasStartIT {

    private static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path home;

    @Test
    void twoReplicasOnAnEmptyDatabaseBootstrapOnceAndNeverShareAnIdWorker() throws Exception {
        Assumptions.assumeTrue(PackagedSupervisor.packaged(), "run after package (./mvnw verify)");
        String url = TestPostgres.freshDatabase("replicas_start");
        Map<String, String> database = Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", TestPostgres.USER, "quarkus.datasource.password", TestPostgres.PASSWORD);

        try (PackagedSupervisor a = new PackagedSupervisor(home.resolve("a"));
                PackagedSupervisor b = new PackagedSupervisor(home.resolve("b"))) {
            a.start("postgresql", database);
            b.start("postgresql", database);
            a.awaitReady(START);
            b.awaitReady(START);

            try (Connection connection = TestPostgres.connect(url)) {
                assertThat(count(connection, "select count(*) from tenants where name = 'default'")).isEqualTo(1);
                assertThat(count(connection, "select count(*) from api_keys")).isEqualTo(1);
                assertThat(count(connection, "select count(distinct worker_id) from supervisor_replicas")).isEqualTo(2);
            }

            // Ids from both replicas at once: all distinct, no duplicate key anywhere.
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                PackagedSupervisor replica = i % 2 == 0 ? a : b;
                answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(replica.apiUrl() + "/tenants"))
                        .header("ld-api-key", PackagedSupervisor.ADMIN_KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"t" + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
                ids.add(answer.get().body().replaceAll("(?s).*\"id\"\\s*:\\s*\"?(\\d+).*", "$1"));
            }
            assertThat(ids).hasSize(60);
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
