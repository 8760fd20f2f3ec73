package io.lodestar.supervisor.link;

import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lodestar.protocol.v1.EnrollRequest;
import io.lodestar.protocol.v1.EnrollResponse;
import io.lodestar.protocol.v1.Hello;
import io.lodestar.protocol.v1.SnapshotUploadPart;
import io.lodestar.protocol.v1.SnapshotUploadReceipt;
import io.lodestar.protocol.v1.SupervisorMessage;
import io.lodestar.protocol.v1.TaskUpdate;
import io.lodestar.protocol.v1.TaskUpdateAck;
import io.lodestar.protocol.v1.WardenLinkGrpc;
import io.lodestar.protocol.v1.WardenMessage;
import io.lodestar.protocol.v1.Welcome;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.agent.AgentPresence;
import io.lodestar.supervisor.agent.EnrollmentService;
import io.lodestar.supervisor.agent.RuntimeEventLog;
import io.lodestar.supervisor.agent.RuntimeHealthReports;
import io.lodestar.supervisor.iggy.DriftMonitor;
import io.lodestar.supervisor.iggy.NodeConfigReports;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.LogContext;
import io.lodestar.supervisor.dispatch.LinkSessions;
import io.lodestar.supervisor.dispatch.SerialExecutor;
import io.lodestar.supervisor.dispatch.TaskService;
import io.lodestar.supervisor.dispatch.WardenSession;
import io.lodestar.supervisor.observe.LogRelay;
import io.lodestar.supervisor.observe.MetricsRecorder;
import io.lodestar.supervisor.observe.NodeCertificates;
import io.lodestar.supervisor.snapshot.SnapshotUploads;
import io.quarkus.grpc.GrpcService;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The Supervisor's end of the Warden link, the gRPC counterpart of the REST resources: it reads each stream and
 * hands every message to the package it is for (agents, dispatch, snapshots, observe). Database work runs off
 * the gRPC threads, in order per stream.
 */
@GrpcService
public class WardenLinkService extends WardenLinkGrpc.WardenLinkImplBase {

    @Inject
    NodeCertificates certificates;

    @Inject
    SupervisorConfig config;

    @Inject
    EnrollmentService enrollments;

    @Inject
    AgentPresence presence;

    @Inject
    TaskService tasks;

    @Inject
    LinkSessions sessions;

    @Inject
    LogRelay logs;

    @Inject
    MetricsRecorder metrics;

    @Inject
    Clock clock;

    @Inject
    SnapshotUploads snapshotUploads;

    @Inject
    RuntimeHealthReports runtimeHealth;

    @Inject
    RuntimeEventLog runtimeEvents;

    @Inject
    NodeConfigReports configReports;

    @Inject
    DriftMonitor drift;

    @Override
    @Blocking
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
        try {
            EnrollmentService.NodeIdentity identity = enrollments.enroll(request.getToken(), request.getHost(),
                    request.getWardenVersion());
            response.onNext(EnrollResponse.newBuilder().setNodeId(identity.nodeId()).setNodeSecret(identity.nodeSecret()).build());
            response.onCompleted();
            Log.infof("Enrolled node %d (%s)", identity.nodeId(), request.getHost().getHostname());
        } catch (DomainException.Unauthenticated e) {
            response.onError(Status.UNAUTHENTICATED.withDescription(e.getMessage()).asRuntimeException());
        } catch (RuntimeException e) {
            Log.errorf(e, "Enrollment of %s failed", request.getHost().getHostname());
            response.onError(Status.INTERNAL.withDescription("The Supervisor failed to enroll this node; see its log.").asRuntimeException());
        }
    }

    @Override
    public StreamObserver<SnapshotUploadPart> uploadSnapshot(StreamObserver<SnapshotUploadReceipt> response) {
        return snapshotUploads.receive(response);
    }

    @Override
    public StreamObserver<WardenMessage> connect(StreamObserver<SupervisorMessage> outbound) {
        return new Inbound(outbound, new SerialExecutor(Infrastructure.getDefaultWorkerPool()));
    }

    /** Reads one stream: Hello first, then heartbeats and task updates. */
    private final class Inbound implements StreamObserver<WardenMessage> {
        private final StreamObserver<SupervisorMessage> outbound;
        private final SerialExecutor inbox;
        private volatile WardenSession session;

        Inbound(StreamObserver<SupervisorMessage> outbound, SerialExecutor inbox) {
            this.outbound = outbound;
            this.inbox = inbox;
        }

        @Override
        public void onNext(WardenMessage message) {
            WardenSession current = session;
            if (message.hasHeartbeat() && current != null) {
                current.heartbeat(clock.instant()); // in memory only: a write per heartbeat is what overloads a store
                metrics.offer(current.nodeId(), message.getHeartbeat());
                certificates.offer(current.nodeId(), message.getHeartbeat());
                if (!configReports.offer(current.nodeId(), message.getHeartbeat(), clock.instant()).isEmpty()) {
                    long nodeId = current.nodeId();
                    inbox.execute(() -> checkDrift(nodeId)); // only when a file changed: a database read then
                }
                List<RuntimeHealthReports.Reported> health = runtimeHealth.offer(current.nodeId(), message.getHeartbeat());
                if (!health.isEmpty()) {
                    long nodeId = current.nodeId();
                    inbox.execute(() -> recordHealth(nodeId, health)); // only when it changed: a write then
                }
                return;
            }
            if (message.hasLogChunk() && current != null) {
                logs.deliver(current.nodeId(), message.getLogChunk());
                return;
            }
            inbox.execute(() -> handle(message));
        }

        private void recordHealth(long nodeId, List<RuntimeHealthReports.Reported> changes) {
            try (LogContext.Scope node = LogContext.put(LogContext.NODE_ID, nodeId)) {
                runtimeHealth.record(nodeId, changes);
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not record node %d's runtime health; the next heartbeat tries again", nodeId);
            }
        }

        private void checkDrift(long nodeId) {
            try (LogContext.Scope node = LogContext.put(LogContext.NODE_ID, nodeId)) {
                drift.check(nodeId);
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not check node %d for config drift", nodeId);
            }
        }

        private void handle(WardenMessage message) {
            WardenSession current = session;
            long nodeId = current != null ? current.nodeId() : message.hasHello() ? message.getHello().getNodeId() : 0;
            try (LogContext.Scope node = LogContext.put(LogContext.NODE_ID, nodeId)) {
                dispatch(message);
            }
        }

        private void dispatch(WardenMessage message) {
            try {
                if (session == null) {
                    if (!message.hasHello()) {
                        outbound.onError(Status.FAILED_PRECONDITION.withDescription("Send Hello first.").asRuntimeException());
                        return;
                    }
                    open(message.getHello());
                } else if (message.hasTaskUpdate()) {
                    report(session, message.getTaskUpdate());
                } else if (message.hasRuntimeEvent()) {
                    runtimeEvents.record(session.nodeId(), message.getRuntimeEvent());
                } else if (message.hasHello()) {
                    session.closeWithError(Status.FAILED_PRECONDITION.withDescription("Hello may be sent only once per stream."));
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "The link to node %s failed", session == null ? "?" : session.nodeId());
                if (session != null) {
                    session.closeWithError(Status.INTERNAL.withDescription("The Supervisor failed to handle a message; reconnect."));
                } else {
                    outbound.onError(Status.INTERNAL.withDescription("The Supervisor failed to handle Hello; reconnect.").asRuntimeException());
                }
            }
        }

        private void open(Hello hello) {
            long epoch;
            try {
                epoch = presence.connect(hello);
            } catch (DomainException.Unauthenticated e) {
                Log.warnf("Refused a Warden stream: %s", e.getMessage());
                outbound.onError(Status.UNAUTHENTICATED.withDescription(e.getMessage()).asRuntimeException());
                return;
            }
            WardenSession opened = new WardenSession(hello.getNodeId(), epoch, outbound, inbox, clock.instant());
            session = opened;
            sessions.register(opened);
            opened.send(SupervisorMessage.newBuilder().setWelcome(Welcome.newBuilder()
                    .setHeartbeatIntervalMs(config.link().heartbeatInterval().toMillis())
                    .setHeartbeatTtlMs(config.link().heartbeatTtl().toMillis())
                    .setServerTimeMs(clock.millis())
                    .setSessionEpoch(epoch)).build());
            for (TaskUpdate update : hello.getUnacknowledgedList()) {
                report(opened, update);
            }
            for (io.lodestar.protocol.v1.Task task : tasks.openTasks(opened.nodeId())) {
                opened.send(SupervisorMessage.newBuilder().setTask(task).build());
            }
        }

        private void report(WardenSession from, TaskUpdate update) {
            try (LogContext.Scope task = LogContext.put(LogContext.TASK_ID, update.getTaskId())) {
                TaskService.UpdateOutcome outcome = tasks.recordUpdate(from.nodeId(), from.epoch(), update);
                if (outcome == TaskService.UpdateOutcome.ACKNOWLEDGE) {
                    from.send(SupervisorMessage.newBuilder().setTaskUpdateAck(TaskUpdateAck.newBuilder()
                            .setTaskId(update.getTaskId()).setState(update.getState())).build());
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            inbox.execute(() -> close("the stream broke: " + Status.fromThrowable(error).getCode()));
        }

        @Override
        public void onCompleted() {
            inbox.execute(() -> {
                WardenSession current = session;
                if (current != null) {
                    current.complete();
                } else {
                    outbound.onCompleted();
                }
                close("the Warden closed the stream");
            });
        }

        private void close(String why) {
            WardenSession current = session;
            if (current == null) {
                return;
            }
            current.markDone();
            logs.linkEnded(current, why);
            if (sessions.unregister(current)) {
                try (LogContext.Scope node = LogContext.put(LogContext.NODE_ID, current.nodeId())) {
                    presence.disconnect(current.nodeId(), current.epoch(), why);
                }
            }
        }
    }
}
