package io.lodestar.supervisor.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;
import io.lodestar.protocol.v1.SnapshotRequest;

/**
 * Tasks written by a Supervisor before V7 (columns per kind) are sent after the upgrade exactly as before. On H2 by
 * default; on PostgreSQL in its own schema when the tests are pointed at one, as {@code .ci/run} does.
 */
class TaskRequestMigrationTest {

    private static final boolean POSTGRES = "postgresql".equals(testSetting("quarkus.datasource.db-kind", ""));
    private static final String URL = POSTGRES ? testSetting("quarkus.datasource.jdbc.url", "")
            : "jdbc:h2:mem:task-request-migration;DB_CLOSE_DELAY=-1";
    private static final String USER = POSTGRES ? testSetting("quarkus.datasource.username", "postgres") : "sa";
    private static final String PASSWORD = POSTGRES ? testSetting("quarkus.datasource.password", "") : "";
    private static final String SCHEMA = "task_request_migration";

    /** A setting given to the tests on the command line, for the test profile ({@code -D%test.…}) or for all. */
    private static String testSetting(String name, String otherwise) {
        return System.getProperty("%test." + name, System.getProperty(name, otherwise));
    }

    @Test
    void tasksStoredBeforeTheUpgradeAreSentAsTheyWereBuilt() throws SQLException {
        flyway().load().clean();
        flyway().target("6").load().migrate();
        String snapshot = Base64.getEncoder().encodeToString(SnapshotRequest.newBuilder().setName("snapshot-20261130-120000")
                .setRedactSecrets(true).build().toByteArray());
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            // Only the rows the conversion reads: no tenant, agent or deployment behind them.
            sql.execute(POSTGRES ? "set session_replication_role = replica" : "set referential_integrity false");
            sql.execute("insert into runtime_configs (id, tenant_id, division_id, environment_id, deployment_id, runtime, name,"
                    + " content, checksum, author_id, created_at) values (7, 1, 1, 1, 1, 'iggy', 'tuned', 'a = \"b\"', 'c0ffee',"
                    + " 1, current_timestamp)");
            String columns = "insert into tasks (id, node_id, activity_id, kind, runtime, action, config_id, target_task_id,"
                    + " payload, state, created_at, deadline_at) values ";
            String times = ", current_timestamp, current_timestamp)";
            sql.execute(columns + "(1, 5, 1, 'runtime_action', 'connectors', 'RECONFIGURE', 7, null, null, 'PENDING'" + times);
            sql.execute(columns + "(2, 5, 2, 'runtime_action', 'iggy', 'RESTART', null, null, null, 'ACCEPTED'" + times);
            sql.execute(columns + "(3, 5, null, 'operation_kill', 'iggy', null, null, 2, null, 'PENDING'" + times);
            sql.execute(columns + "(4, 5, null, 'snapshot', null, null, null, null, '" + snapshot + "', 'PENDING'" + times);
        }

        flyway().load().migrate();

        assertThat(sent(1).getRuntimeAction()).isEqualTo(RuntimeAction.newBuilder().setRuntime(Runtime.RUNTIME_CONNECTORS)
                .setAction(RuntimeAction.Action.ACTION_RECONFIGURE).setConfigId(7).setConfigContent("a = \"b\"")
                .setConfigChecksum("c0ffee").build());
        assertThat(sent(2).getRuntimeAction()).isEqualTo(RuntimeAction.newBuilder().setRuntime(Runtime.RUNTIME_IGGY)
                .setAction(RuntimeAction.Action.ACTION_RESTART).build());
        assertThat(sent(3).getOperationKill().getTargetTaskId()).isEqualTo(2);
        assertThat(sent(3).getOperationKill().getRuntime()).isEqualTo(Runtime.RUNTIME_IGGY);
        assertThat(sent(4).getSnapshot().getName()).isEqualTo("snapshot-20261130-120000");
        assertThat(sent(4).getSnapshot().getRedactSecrets()).isTrue();
    }

    /** The task as the Supervisor now sends it, read from the migrated row. */
    private static io.lodestar.protocol.v1.Task sent(long id) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select kind, request from tasks where id = " + id)) {
            assertThat(row.next()).isTrue();
            Task task = new Task();
            task.id = id;
            task.kind = row.getString("kind");
            task.request = row.getString("request");
            task.deadlineAt = Instant.EPOCH;
            return TaskMessages.toProto(task);
        }
    }

    private static FluentConfiguration flyway() {
        return Flyway.configure().dataSource(URL, USER, PASSWORD).schemas(SCHEMA).createSchemas(true).cleanDisabled(false);
    }

    private static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        connection.setSchema(SCHEMA);
        return connection;
    }
}
