package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.google.protobuf.Message;

import io.lodestar.protocol.v1.OperationKill;
import io.lodestar.protocol.v1.Runtime;
import io.lodestar.protocol.v1.RuntimeAction;

/**
 * A task stores its kind's own link message as it is sent ({@code request}: protobuf, base64), a reconfigure with
 * its config's content and checksum, instead of columns per kind read again at send time. Converts every stored
 * task, so an upgraded Supervisor still sends the tasks in flight, then drops the old columns. Java rather than SQL
 * because the conversion writes protobuf; the statements are the same on PostgreSQL and H2.
 */
public class V7__task_requests extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            // text: a reconfigure carries a config of up to 262,144 characters, more in base64.
            ddl.execute("alter table tasks add column request text");
        }
        try (Statement rows = connection.createStatement();
                ResultSet task = rows.executeQuery("select t.id, t.kind, t.runtime, t.action, t.config_id, t.target_task_id,"
                        + " t.payload, c.content, c.checksum from tasks t left join runtime_configs c on c.id = t.config_id");
                PreparedStatement update = connection.prepareStatement("update tasks set request = ? where id = ?")) {
            int batched = 0;
            while (task.next()) {
                update.setString(1, request(task));
                update.setLong(2, task.getLong("id"));
                update.addBatch();
                if (++batched % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            for (String column : new String[] {"payload", "runtime", "action", "config_id", "target_task_id", "activity_id"}) {
                ddl.execute("alter table tasks drop column " + column);
            }
            ddl.execute("alter table tasks alter column request set not null");
        }
    }

    /** The row's request as the Supervisor of V6 built it at send time. */
    private static String request(ResultSet task) throws SQLException {
        String kind = task.getString("kind");
        switch (kind) {
            case "snapshot": // already the kind's message
                return task.getString("payload") == null ? "" : task.getString("payload");
            case "operation_kill":
                return encode(OperationKill.newBuilder().setTargetTaskId(task.getLong("target_task_id"))
                        .setRuntime(runtime(task.getString("runtime"))).build());
            case "runtime_action":
                RuntimeAction.Builder action = RuntimeAction.newBuilder().setRuntime(runtime(task.getString("runtime")))
                        .setAction(RuntimeAction.Action.valueOf("ACTION_" + task.getString("action")));
                long configId = task.getLong("config_id");
                if (!task.wasNull()) {
                    action.setConfigId(configId);
                    // Configs are never deleted; without one the Warden fails the task plainly, as before.
                    if (task.getString("content") != null) {
                        action.setConfigContent(task.getString("content")).setConfigChecksum(task.getString("checksum"));
                    }
                }
                return encode(action.build());
            default:
                throw new IllegalStateException("Task " + task.getLong("id") + " has the unknown kind '" + kind + "'.");
        }
    }

    /** The wire names of V6 ({@code iggy}, {@code connectors}) as the link's enum. */
    private static Runtime runtime(String wireName) {
        return Runtime.valueOf("RUNTIME_" + wireName.toUpperCase(Locale.ROOT));
    }

    private static String encode(Message message) {
        return Base64.getEncoder().encodeToString(message.toByteArray());
    }
}
