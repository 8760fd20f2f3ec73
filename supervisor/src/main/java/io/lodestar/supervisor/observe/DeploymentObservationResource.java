package io.lodestar.supervisor.observe;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.limits.StreamPermits;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;
import io.vertx.core.http.HttpServerResponse;

/** Logs and metrics of a deployment's nodes (seed 002). */
@Path("/deployments/{deployment_id}")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentObservationResource {

    @Inject
    Caller caller;

    @Inject
    Deployments deployments;

    @Inject
    DeploymentLogs logs;

    @Inject
    LogFollows follows;

    @Inject
    DeploymentMetrics metrics;

    @Inject
    StreamPermits permits;

    @GET
    @Path("/logs")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public Map<String, List<NodeLog>> logs(@PathParam("deployment_id") String deploymentId, @QueryParam("node_id") String nodeId,
            @QueryParam("runtime") String runtime, @QueryParam("lines") String lines, @QueryParam("since") String since) {
        return Map.of("items", logs.read(query(deploymentId, nodeId, runtime, lines, since)));
    }

    /**
     * Server-sent events of new lines until the client disconnects; see docs/api/logs.md. A key holds at
     * most {@code supervisor.limits.log-follows-per-key} follows at once (429 past them).
     */
    @GET
    @Path("/logs/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public void stream(@PathParam("deployment_id") String deploymentId, @QueryParam("node_id") String nodeId,
            @QueryParam("runtime") String runtime, @QueryParam("lines") String lines, @QueryParam("since") String since,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        LogQuery query = query(deploymentId, nodeId, runtime, lines, since);
        StreamPermits.Permit permit = permits.logFollow(caller.authorId());
        response.endHandler(ignored -> permit.release()); // ended or closed, the follow is over
        follows.follow(query, sink, sse, onClose -> response.closeHandler(ignored -> onClose.run()));
    }

    @GET
    @Path("/metrics")
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public DeploymentMetrics.View metrics(@PathParam("deployment_id") String deploymentId, @QueryParam("window") String window) {
        Deployment deployment = deployment(deploymentId);
        return metrics.view(deployment.id, deployments.nodeIds(deployment.id), MetricsWindow.parse(window));
    }

    private LogQuery query(String deploymentId, String nodeId, String runtime, String lines, String since) {
        Deployment deployment = deployment(deploymentId);
        return LogQuery.parse(deployments.nodeIds(deployment.id), deployment.id, nodeId, runtime, lines, since);
    }

    private Deployment deployment(String deploymentId) {
        return deployments.get(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"));
    }
}
