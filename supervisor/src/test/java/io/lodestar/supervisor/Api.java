package io.lodestar.supervisor;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.tenancy.ApiKey;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.Secrets;
import io.lodestar.supervisor.tenancy.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/** REST calls the tests share, made the way a user makes them. */
public final class Api {

    public static final String ADMIN_KEY = "ld_test_admin_key_0123456789abcdefghijklmnop";

    private Api() {
    }

    public static RequestSpecification as(String key) {
        return given().header("ld-api-key", key).contentType("application/json");
    }

    public static RequestSpecification admin() {
        return as(ADMIN_KEY);
    }

    /** The management interface's port: health and Prometheus metrics, apart from the API. */
    public static int managementPort() {
        return io.quarkus.arc.Arc.container().instance(io.quarkus.vertx.http.HttpServer.class).get().getManagementPort();
    }

    /** A request to the management interface (no key: it is for load balancers and monitoring). */
    public static RequestSpecification management() {
        return given().port(managementPort());
    }

    /** The id of a key of the admin's tenant, from its secret. */
    public static long keyId(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("keyHash", Secrets.hash(secret)).firstResult().id);
    }

    public static int grpcPort() {
        return ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
    }

    public static String enrollmentToken() {
        return admin().post("/agents/enrollments").then().statusCode(201).extract().path("token");
    }

    /** An enrolled, connected fake Warden. */
    public static FakeWarden connectedWarden() throws InterruptedException {
        FakeWarden warden = new FakeWarden(grpcPort()).enroll(enrollmentToken()).connect();
        warden.awaitWelcome();
        return warden;
    }

    /** Creates a deployment of the given nodes that deploys nothing on creation-time failures; returns its id. */
    public static long deployment(String name, List<Long> nodes) {
        Object id = admin().body(java.util.Map.of("name", name, "agent_ids", nodes)).post("/deployments")
                .then().statusCode(201).extract().path("id");
        return ((Number) id).longValue();
    }

    /** A deployment and the one node it is placed on. */
    public record PlacedDeployment(long id, long nodeId) {
    }

    /** A deployment of one node whose Warden enrolled and disconnected again; its start task stays queued. */
    public static PlacedDeployment deploymentOfADisconnectedNode(String name) throws InterruptedException {
        try (FakeWarden warden = connectedWarden()) {
            return new PlacedDeployment(deployment(name, List.of(warden.nodeId())), warden.nodeId());
        }
    }

    /** A deployment of these connected Wardens whose start tasks they report done; returns its id once ready. */
    public static long readyDeployment(String name, FakeWarden... wardens) throws InterruptedException {
        long id = deployment(name, Arrays.stream(wardens).map(FakeWarden::nodeId).toList());
        for (FakeWarden warden : wardens) {
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "ready".equals(admin().get("/deployments/" + id).then().extract().path("status")));
        return id;
    }

    /** A key of the admin's tenant holding only these permissions. */
    public static String keyWith(Permission... permissions) {
        return key(adminTenantId(), null, null, permissions);
    }

    /** A key of the admin's tenant that expired a minute ago (the API refuses to create one). */
    public static String expiredKeyWith(Permission... permissions) {
        return key(adminTenantId(), Instant.now().minusSeconds(60), null, permissions);
    }

    /** A key of the admin's tenant, revoked through the API. */
    public static String revokedKeyWith(Permission... permissions) {
        String secret = keyWith(permissions);
        Number id = admin().get("/api-keys?results=100").then().statusCode(200)
                .extract().path("items.find { it.key_prefix == '" + secret.substring(0, 8) + "' }.id");
        admin().delete("/api-keys/" + id).then().statusCode(200);
        return secret;
    }

    /** Creates a tenant through the API (as the operator) and returns its first key (every tenant permission). */
    public static String newTenantKey(String name) {
        return admin().body(java.util.Map.of("name", name, "plan", "pro")).post("/tenants")
                .then().statusCode(201).extract().path("admin_key.key");
    }

    /** A key of a tenant of its own (created here, plan basic), to show another tenant's resources stay invisible. */
    public static String keyOfAnotherTenant(Permission... permissions) {
        long tenantId = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            Tenant tenant = new Tenant();
            tenant.id = tenantId;
            tenant.name = "another tenant";
            tenant.plan = "basic";
            tenant.createdAt = Instant.now();
            tenant.persist();
        });
        return key(tenantId, null, null, permissions);
    }

    private static long adminTenantId() {
        return QuarkusTransaction.requiringNew().call(
                () -> ApiKey.<ApiKey>find("keyHash", Secrets.hash(ADMIN_KEY)).firstResult().tenantId);
    }

    private static String key(long tenantId, Instant expiresAt, Instant revokedAt, Permission... permissions) {
        String secret = Secrets.generate("ld_");
        QuarkusTransaction.requiringNew().run(() -> {
            ApiKey key = new ApiKey();
            key.id = System.nanoTime();
            key.tenantId = tenantId;
            key.name = "test";
            key.keyPrefix = secret.substring(0, 8);
            key.keyHash = Secrets.hash(secret);
            key.permissions = ApiKey.encode(permissions.length == 0 ? EnumSet.noneOf(Permission.class)
                    : EnumSet.copyOf(List.of(permissions)));
            key.createdAt = Instant.now();
            key.expiresAt = expiresAt;
            key.revokedAt = revokedAt;
            key.persist();
        });
        return secret;
    }

    /** A key with every permission in a tenant of its own, to show that another tenant's resources are 404. */
    public static String keyOfAnotherTenant() {
        String secret = Secrets.generate("ld_");
        QuarkusTransaction.requiringNew().run(() -> {
            Tenant tenant = new Tenant();
            tenant.id = System.nanoTime();
            tenant.name = "another tenant";
            tenant.plan = "basic";
            tenant.createdAt = Instant.now();
            tenant.persist();
            ApiKey key = new ApiKey();
            key.id = System.nanoTime();
            key.tenantId = tenant.id;
            key.name = "another tenant's admin";
            key.keyPrefix = secret.substring(0, 8);
            key.keyHash = Secrets.hash(secret);
            key.permissions = ApiKey.encode(Permission.ofTenants());
            key.createdAt = Instant.now();
            key.persist();
        });
        return secret;
    }
}
