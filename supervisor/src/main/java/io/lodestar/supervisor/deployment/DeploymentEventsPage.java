package io.lodestar.supervisor.deployment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.placement.Deployment;

/** The events envelope: the usual page plus the deployment it belongs to, as seed 002 shows. */
public record DeploymentEventsPage(
        @JsonProperty("deployment_id") long deploymentId,
        @JsonProperty("deployment_status") String deploymentStatus,
        List<DeploymentEventView> items,
        int page,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("total_pages") long totalPages,
        @JsonProperty("total_results_capped") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalResultsCapped) {

    static DeploymentEventsPage of(Deployment deployment, Page<DeploymentEventView> page) {
        return new DeploymentEventsPage(deployment.id, deployment.status.wireName(), page.items(), page.page(),
                page.totalResults(), page.totalPages(), page.totalResultsCapped());
    }
}
