package io.lodestar.supervisor.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.lodestar.supervisor.tenancy.Secrets;
import io.quarkus.runtime.StartupEvent;

/**
 * The secret every replica sends with a relayed log request and checks on one it receives: one per database, in
 * {@code supervisor_secrets}, created by the first replica to start. Replicas starting together take turns under
 * the bootstrap lock, so they all read the same one. It is never logged.
 */
@ApplicationScoped
public class ReplicaRelaySecret {

    private static final String NAME = "replica-relay";

    @Inject
    EntityManager entityManager;

    private volatile String secret;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        entityManager.createNativeQuery("select name from supervisor_locks where name = 'bootstrap' for update").getResultList();
        List<?> stored = entityManager.createNativeQuery("select secret from supervisor_secrets where name = ?1")
                .setParameter(1, NAME).getResultList();
        if (!stored.isEmpty()) {
            secret = (String) stored.get(0);
            return;
        }
        String created = Secrets.generate("lr_");
        entityManager.createNativeQuery("insert into supervisor_secrets (name, secret, created_at) values (?1, ?2, ?3)")
                .setParameter(1, NAME).setParameter(2, created).setParameter(3, OffsetDateTime.now()).executeUpdate();
        secret = created;
    }

    /** What this replica sends to another. */
    String value() {
        return secret;
    }

    /** Whether a request presents the shared secret; compared in constant time. */
    boolean matches(String presented) {
        String expected = secret;
        return expected != null && presented != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
