package io.lodestar.supervisor.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.common.Page;
import io.lodestar.supervisor.common.PageRequest;
import io.lodestar.supervisor.placement.Deployment;
import io.lodestar.supervisor.placement.DeploymentStatus;
import io.lodestar.supervisor.placement.Deployments;
import io.lodestar.supervisor.tenancy.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Stores runtime config versions of a deployment and finds the one a reconfigure names. */
@ApplicationScoped
public class RuntimeConfigService {

    /** The content column's size: far above any real Iggy config, small enough to send in one task. */
    static final int MAX_CONTENT_CHARS = 262_144;

    @Inject
    Deployments deployments;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    @Inject
    Event<RuntimeConfigCreated> createdEvents;

    public record NewRuntimeConfig(RuntimeName runtime, String name, String content) {
    }

    @Transactional
    public RuntimeConfigView create(long tenantId, long authorId, long deploymentId, NewRuntimeConfig request) {
        Deployment deployment = deployments.get(tenantId, deploymentId);
        if (deployment.status == DeploymentStatus.KILLED) {
            throw new DomainException.Conflict("Deployment " + deploymentId + " was deleted (killed); it takes no new configs.");
        }
        if (request.content().length() > MAX_CONTENT_CHARS) {
            throw new DomainException.Invalid("content has " + request.content().length() + " characters; a config may have at most "
                    + MAX_CONTENT_CHARS + ".");
        }
        TomlSyntax.requireValid(request.content());
        boolean generated = request.runtime() == RuntimeName.IGGY && deployment.isCluster();
        String content = generated ? ClusterConfigFile.compose(deployment, request.content()) : request.content();
        if (generated) {
            TomlSyntax.requireValid(content); // a dotted cluster.* key of the caller's may clash with the generated table
        }
        RuntimeConfig config = new RuntimeConfig();
        config.id = ids.next();
        config.placeIn(deployment.scope());
        config.deploymentId = deploymentId;
        config.runtime = request.runtime().wireName();
        config.name = request.name();
        config.content = content;
        config.checksum = checksum(content);
        config.authorId = authorId;
        config.createdAt = clock.instant();
        config.persist();
        createdEvents.fire(new RuntimeConfigCreated(config.id));
        // A version Lodestar wrote part of is answered whole, so the caller sees what every replica will run.
        return generated ? RuntimeConfigView.withContent(config) : RuntimeConfigView.summary(config);
    }

    public Page<RuntimeConfigView> list(long tenantId, long deploymentId, PageRequest request) {
        deployments.get(tenantId, deploymentId);
        PanacheQuery<RuntimeConfig> query = RuntimeConfig.find("deploymentId = ?1 order by id desc", deploymentId);
        return Page.of(query, request, RuntimeConfigView::summary);
    }

    public RuntimeConfigView get(long tenantId, long deploymentId, long configId) {
        deployments.get(tenantId, deploymentId);
        RuntimeConfig config = RuntimeConfig.<RuntimeConfig>find("id = ?1 and deploymentId = ?2", configId, deploymentId)
                .firstResult();
        if (config == null) {
            throw new DomainException.NotFound("Runtime configuration " + configId + " was not found in deployment "
                    + deploymentId + ".");
        }
        return RuntimeConfigView.withContent(config);
    }

    /** The config a reconfigure of this runtime in this deployment may apply; 404 for any other. */
    public RuntimeConfig forReconfigure(long deploymentId, RuntimeName runtime, long configId) {
        RuntimeConfig config = RuntimeConfig.<RuntimeConfig>find("id = ?1 and deploymentId = ?2", configId, deploymentId)
                .firstResult();
        if (config == null) {
            throw new DomainException.NotFound("Runtime configuration " + configId + " was not found in deployment "
                    + deploymentId + "; list them with GET /deployments/" + deploymentId + "/configs.");
        }
        if (!config.runtime.equals(runtime.wireName())) {
            throw new DomainException.NotFound("Runtime configuration " + configId + " is a config of " + config.runtime
                    + ", not of " + runtime.wireName() + "; reconfigure " + config.runtime + " with it, or pick a "
                    + runtime.wireName() + " config.");
        }
        return config;
    }

    /** sha256 of the UTF-8 bytes, lower-case hex: what the Warden recomputes before writing the file. */
    static String checksum(String content) {
        return Secrets.hash(content);
    }
}
