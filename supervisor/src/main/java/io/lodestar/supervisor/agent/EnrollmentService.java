package io.lodestar.supervisor.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.v1.HostFacts;
import io.lodestar.supervisor.SupervisorConfig;
import io.lodestar.supervisor.common.DomainException;
import io.lodestar.supervisor.common.Ids;
import io.lodestar.supervisor.tenancy.Scope;
import io.lodestar.supervisor.tenancy.Secrets;
import io.lodestar.supervisor.tenancy.TenancyService;

/** Issues enrollment tokens and exchanges them, once, for a node identity. */
@ApplicationScoped
public class EnrollmentService {

    @Inject
    SupervisorConfig config;

    @Inject
    TenancyService tenancy;

    @Inject
    Ids ids;

    @Inject
    Clock clock;

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public record NodeIdentity(long nodeId, String nodeSecret) {
    }

    @Transactional
    public IssuedToken issue(long tenantId, long authorId, Optional<Long> environmentId) {
        Scope scope = tenancy.environmentScope(tenantId, environmentId);
        String secret = Secrets.generate("ldenr_");
        EnrollmentToken token = new EnrollmentToken();
        token.id = ids.next();
        token.placeIn(scope);
        token.tokenHash = Secrets.hash(secret);
        token.authorId = authorId;
        token.createdAt = clock.instant();
        token.expiresAt = token.createdAt.plus(config.enrollment().tokenTtl());
        token.persist();
        return new IssuedToken(secret, token.expiresAt);
    }

    /** Creates the node; a used, expired or unknown token is refused and nothing is created. */
    @Transactional
    public NodeIdentity enroll(String presentedToken, HostFacts host, String wardenVersion) {
        Instant now = clock.instant();
        EnrollmentToken token = EnrollmentToken.<EnrollmentToken>find("tokenHash", Secrets.hash(presentedToken))
                .firstResult();
        if (token == null) {
            throw new DomainException.Unauthenticated("The enrollment token is unknown; create one with POST /agents/enrollments.");
        }
        if (token.usedAt != null) {
            throw new DomainException.Unauthenticated("The enrollment token was already used; create a new one with POST /agents/enrollments.");
        }
        if (!token.expiresAt.isAfter(now)) {
            throw new DomainException.Unauthenticated("The enrollment token expired at " + token.expiresAt
                    + "; create a new one with POST /agents/enrollments.");
        }
        long agentId = ids.next();
        // A conditional update, so two Wardens racing with one token cannot both enroll.
        int claimed = EnrollmentToken.update("usedAt = ?1, agentId = ?2 where id = ?3 and usedAt is null", now, agentId, token.id);
        if (claimed == 0) {
            throw new DomainException.Unauthenticated("The enrollment token was already used; create a new one with POST /agents/enrollments.");
        }
        String secret = Secrets.generate("ldnode_");
        Agent agent = new Agent();
        agent.id = agentId;
        agent.placeIn(token.scope());
        agent.secretHash = Secrets.hash(secret);
        agent.state = AgentState.ENROLLED;
        agent.createdAt = now;
        AgentFacts.apply(agent, host, wardenVersion);
        agent.persist();
        return new NodeIdentity(agentId, secret);
    }
}
