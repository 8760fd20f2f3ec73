package io.lodestar.supervisor.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lodestar.testsupport.postgres.TestPostgres;

/**
 * One package, two databases: the same target/quarkus-app started through bin/lodestar-supervisor
 * runs on PostgreSQL with LODESTAR_DB_KIND=postgresql and on the embedded H2 with LODESTAR_DB_KIND=h2.
 */
class DatabaseKindIT {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void onePackageRunsOnPostgresqlAndThenOnH2() throws Exception {
        Assumptions.assumeTrue(PackagedSupervisor.packaged(), "run after package (./mvnw verify)");
        String url = TestPostgres.freshDatabase("kind");

        try (PackagedSupervisor supervisor = new PackagedSupervisor(home)) {
            supervisor.start("postgresql", Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", TestPostgres.USER, "quarkus.datasource.password", TestPostgres.PASSWORD))
                    .awaitReady(START);
            String created = createTenant(supervisor, "on-postgresql");
            try (Connection connection = TestPostgres.connect(url);
                    ResultSet tenants = connection.createStatement().executeQuery("select name from tenants order by name")) {
                assertThat(tenants.next()).isTrue();
                assertThat(tenants.getString(1)).isEqualTo("default");
                assertThat(tenants.next()).isTrue();
                assertThat(tenants.getString(1)).isEqualTo("on-postgresql");
            }
            assertThat(created).contains("\"name\":\"on-postgresql\"");
            assertThat(supervisor.log()).contains("augmenting this package for postgresql");
            supervisor.close();

            supervisor.start("h2", Map.of()).awaitReady(START);
            createTenant(supervisor, "on-h2");
            assertThat(Files.list(home.resolve("data")).map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("supervisor") && name.endsWith(".mv.db"));
            assertThat(supervisor.log()).contains("augmenting this package for h2");
        }
    }

    /** POST /tenants with the admin key; the created tenant's JSON (201). */
    private static String createTenant(PackagedSupervisor supervisor, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(supervisor.apiUrl() + "/tenants"))
                .header("ld-api-key", PackagedSupervisor.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"plan\":\"basic\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replace(" ", "");
    }
}
