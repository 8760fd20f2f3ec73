package io.lodestar.supervisor.activity;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.protocol.v1.Task;
import io.lodestar.protocol.v1.TaskState;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.quarkus.test.junit.QuarkusTest;

/** The Supervisor's log lines about an action carry its deployment, node and task ids, as the Warden's do. */
@QuarkusTest
class ActivityLogContextTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc(); // the ids as they are on the logging thread, now
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("io.lodestar.supervisor").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("io.lodestar.supervisor").removeHandler(capture);
    }

    @Test
    void theLineThatEndsAnActivityNamesItsDeploymentNodeAndTask() throws InterruptedException {
        try (FakeWarden warden = Api.connectedWarden().keepBeating()) {
            long deploymentId = Api.deployment("logged", List.of(warden.nodeId()));
            Task start = warden.nextTask();
            warden.report(start.getTaskId(), TaskState.TASK_STATE_SUCCEEDED, "started (pid 42)");
            await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/deployments/" + deploymentId)
                    .then().extract().path("status").equals("ready"));

            ExtLogRecord ended = records.stream()
                    .filter(r -> r.getLoggerName().endsWith("ActivityService") && r.getFormattedMessage().contains("completed"))
                    .findFirst().orElseThrow();
            assertThat(ended.getMdcCopy())
                    .containsEntry("deployment_id", String.valueOf(deploymentId))
                    .containsEntry("node_id", String.valueOf(warden.nodeId()))
                    .containsEntry("task_id", String.valueOf(start.getTaskId()));
        }
    }
}
