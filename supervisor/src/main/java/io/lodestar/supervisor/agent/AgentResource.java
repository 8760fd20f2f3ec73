package io.lodestar.supervisor.agent;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageParams;
import io.lodestar.supervisor.common.PathIds;
import io.lodestar.supervisor.common.Times;
import io.lodestar.supervisor.tenancy.Caller;
import io.lodestar.supervisor.tenancy.Permission;
import io.lodestar.supervisor.tenancy.RequiresPermission;

@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    @Inject
    Caller caller;

    @Inject
    EnrollmentService enrollments;

    @Inject
    AgentService agents;

    @Inject
    AgentRevocation revocations;

    @Inject
    InstallAddresses addresses;

    public record EnrollmentView(String token, @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("install_command") String installCommand) {
    }

    @POST
    @Path("/enrollments")
    @RequiresPermission(Permission.AGENT_MANAGE)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "The one-time token and install command")
    public Response createEnrollment(@RequestBody(required = false) @Valid NewEnrollmentRequest body, @Context UriInfo uri) {
        Optional<Long> environment = body == null ? Optional.empty() : body.environment();
        EnrollmentService.IssuedToken issued = enrollments.issue(caller.tenantId(), caller.authorId(), environment);
        // One line for the node: it fetches GET /install/warden.sh (docs/operating/warden.md says what it does).
        String command = addresses.installCommand(uri.getBaseUri(), issued.token());
        return Response.status(201).entity(new EnrollmentView(issued.token(), Times.format(issued.expiresAt()), command)).build();
    }

    @GET
    @RequiresPermission(Permission.AGENT_READ)
    public Page<AgentView> list(@BeanParam PageParams paging) {
        return agents.list(caller.tenantId(), paging.toRequest());
    }

    @GET
    @Path("/{agent_id}")
    @RequiresPermission(Permission.AGENT_READ)
    public AgentView get(@PathParam("agent_id") String agentId) {
        return AgentView.of(agents.get(caller.tenantId(), PathIds.parse(agentId, "agent_id")));
    }

    /** Revokes the node's identity, closes its stream and rejects its open tasks; 204. */
    @DELETE
    @Path("/{agent_id}")
    @RequiresPermission(Permission.AGENT_MANAGE)
    public Response delete(@PathParam("agent_id") String agentId) {
        revocations.revoke(caller.tenantId(), PathIds.parse(agentId, "agent_id"));
        return Response.noContent().build();
    }
}
