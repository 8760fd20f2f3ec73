package io.lodestar.supervisor.iggy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.lodestar.protocol.RuntimeName;
import io.lodestar.supervisor.activity.Activity;
import io.lodestar.supervisor.activity.ActivityStatus;
import io.lodestar.supervisor.config.RuntimeConfig;

/** Which config version Lodestar last applied to a runtime on a node, and which version a file's checksum is. */
@ApplicationScoped
public class AppliedConfigs {

    private static final String RECONFIGURE = "reconfigure:";

    /** The version of the newest completed reconfigure of this runtime on this node, if any. */
    public Optional<RuntimeConfig> applied(long deploymentId, long nodeId, RuntimeName runtime) {
        Activity last = Activity.<Activity>find("deploymentId = ?1 and nodeId = ?2 and runtime = ?3 and status = ?4 "
                + "and action like ?5 order by finishedAt desc, id desc", deploymentId, nodeId, runtime.wireName(),
                ActivityStatus.COMPLETED, RECONFIGURE + "%").firstResult();
        if (last == null) {
            return Optional.empty();
        }
        long configId = Long.parseLong(last.action.substring(RECONFIGURE.length()));
        return Optional.ofNullable(RuntimeConfig.findById(configId));
    }

    /** Whether a reconfigure of this runtime on this node is still under way (its file may be mid-change). */
    public boolean reconfiguring(long nodeId, RuntimeName runtime) {
        return Activity.count("nodeId = ?1 and runtime = ?2 and status = ?3 and action like ?4", nodeId,
                runtime.wireName(), ActivityStatus.PROCESSING, RECONFIGURE + "%") > 0;
    }

    /** The newest version of the deployment whose content has this checksum. */
    public Optional<RuntimeConfig> withChecksum(long deploymentId, RuntimeName runtime, String checksum) {
        return RuntimeConfig.<RuntimeConfig>find("deploymentId = ?1 and runtime = ?2 and checksum = ?3 order by id desc",
                deploymentId, runtime.wireName(), checksum).firstResultOptional();
    }
}
