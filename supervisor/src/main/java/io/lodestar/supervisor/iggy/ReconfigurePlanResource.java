package io.lodestar.supervisor.iggy;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.lodestar.supervisor.activity.TriggerActivityRequest;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

/** {@code POST /deployments/{id}/configs/{config_id}/plan}: what a reconfigure would do, touching nothing. */
@Path("/deployments/{deployment_id}/configs/{config_id}/plan")
@Produces(MediaType.APPLICATION_JSON)
public class ReconfigurePlanResource {

    @Inject
    Caller caller;

    @Inject
    ReconfigurePlanner planner;

    /** The body is the reconfigure's: {@code {}} or {@code {"nodes": [...]}}; {@code force} changes nothing here. */
    @POST
    @RequiresPermission(Permission.DEPLOYMENT_READ)
    public ReconfigurePlan plan(@PathParam("deployment_id") String deploymentId, @PathParam("config_id") String configId,
            @RequestBody(required = false) @Valid TriggerActivityRequest body) {
        Optional<List<Long>> nodes = body == null ? Optional.empty() : body.targets();
        return planner.plan(caller.tenantId(), PathIds.parse(deploymentId, "deployment_id"),
                PathIds.parse(configId, "config_id"), nodes);
    }
}
