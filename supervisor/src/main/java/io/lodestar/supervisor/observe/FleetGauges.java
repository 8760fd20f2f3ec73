package io.lodestar.supervisor.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.agent.AgentState;
import io.lodestar.supervisor.dispatch.Task;
import io.lodestar.supervisor.dispatch.TaskReported;
import io.lodestar.supervisor.dispatch.TaskState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The fleet in Prometheus format on {@code /q/metrics}, beside the Supervisor's own JVM and HTTP metrics:
 * agents by state, activities by status, tasks waiting for their Warden, and how long a task takes to
 * reach its Warden. Counts come from the database, refreshed every 15 s rather than at each scrape; every
 * replica reports the same counts, so aggregate them with max, not sum.
 */
@Startup
@ApplicationScoped
public class FleetGauges {

    private final Map<AgentState, AtomicLong> agents = new EnumMap<>(AgentState.class);
    private final Map<ActivityStatus, AtomicLong> activities = new EnumMap<>(ActivityStatus.class);
    private final AtomicLong tasksPending = new AtomicLong();
    private final Timer dispatchLatency;

    @Inject
    Clock clock;

    @Inject
    public FleetGauges(MeterRegistry registry) {
        for (AgentState state : AgentState.values()) {
            AtomicLong value = new AtomicLong();
            agents.put(state, value);
            Gauge.builder("lodestar.agents", value, AtomicLong::get).tag("state", state.wireName())
                    .description("Agents (nodes) by link state").register(registry);
        }
        for (ActivityStatus status : ActivityStatus.values()) {
            AtomicLong value = new AtomicLong();
            activities.put(status, value);
            Gauge.builder("lodestar.activities", value, AtomicLong::get).tag("status", status.wireName())
                    .description("Activities by status").register(registry);
        }
        Gauge.builder("lodestar.tasks.pending", tasksPending, AtomicLong::get)
                .description("Tasks written but not yet accepted by their Warden").register(registry);
        dispatchLatency = Timer.builder("lodestar.dispatch.latency")
                .description("From a task written to its Warden's first report on it").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        agents.forEach((state, value) -> value.set(Agent.count("state", state)));
        activities.forEach((status, value) -> value.set(Activity.count("status", status)));
        tasksPending.set(Task.count("state", TaskState.PENDING));
    }

    void onTaskReported(@Observes TaskReported reported) {
        if (reported.firstReport()) {
            Task task = Task.findById(reported.taskId());
            if (task != null) {
                dispatchLatency.record(Duration.between(task.createdAt, clock.instant()));
            }
        }
    }
}
