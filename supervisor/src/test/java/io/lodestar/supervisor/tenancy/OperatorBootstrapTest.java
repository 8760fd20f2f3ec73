package io.lodestar.supervisor.tenancy;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperatorBootstrapTest {

    @Inject
    TenancyBootstrap bootstrap;

    @Test
    void aStartWithoutAUsableOperatorKeyGrantsItToTheOperatorTenantsOldestManagingKey() {
        long adminId = Api.keyId(Api.ADMIN_KEY);
        List<Long> stripped = QuarkusTransaction.requiringNew().call(() -> {
            List<ApiKey> operators = ApiKey.<ApiKey>list("permissions like ?1", "%operator%").stream()
                    .filter(key -> key.usableAt(Instant.now())).toList();
            operators.forEach(key -> {
                EnumSet<Permission> held = EnumSet.copyOf(key.permissionSet());
                held.remove(Permission.OPERATOR);
                key.permissions = ApiKey.encode(held);
            });
            return operators.stream().map(key -> key.id).toList();
        });
        try {
            assertThat(stripped).contains(adminId);
            admin().body(Map.of("name", "nobody operates")).post("/tenants").then().statusCode(403);

            QuarkusTransaction.requiringNew().run(() -> bootstrap.onStart(null));

            assertThat(QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>findById(adminId).permissionSet()))
                    .contains(Permission.OPERATOR, Permission.TENANT_MANAGE, Permission.APIKEY_MANAGE);
            admin().body(Map.of("name", "operated again")).post("/tenants").then().statusCode(201);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> stripped.forEach(id -> {
                ApiKey key = ApiKey.findById(id);
                EnumSet<Permission> held = EnumSet.copyOf(key.permissionSet());
                held.add(Permission.OPERATOR);
                key.permissions = ApiKey.encode(held);
            }));
        }
    }
}
