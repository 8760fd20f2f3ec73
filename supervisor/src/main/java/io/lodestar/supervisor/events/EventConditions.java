package io.lodestar.supervisor.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Conditions told once until they clear (a node unreachable, a disk filling up, a certificate expiring): a row
 * of {@code event_conditions} per subject and condition. Replicas that raise the same condition at once race
 * on its primary key: one commits, the other rolls back, so the event is told once.
 */
@ApplicationScoped
public class EventConditions {

    @Inject
    EntityManager entityManager;

    /** True when the condition was not raised yet (and now is): the caller tells it, in the same transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean raise(String subject, String condition, Instant now) {
        Number held = (Number) entityManager.createNativeQuery("select count(*) from event_conditions where subject = ?1 and condition = ?2")
                .setParameter(1, subject).setParameter(2, condition).getSingleResult();
        if (held.longValue() > 0) {
            return false;
        }
        entityManager.createNativeQuery("insert into event_conditions (subject, condition, raised_at) values (?1, ?2, ?3)")
                .setParameter(1, subject).setParameter(2, condition).setParameter(3, now).executeUpdate();
        return true;
    }

    /** The condition cleared: it is told again when it comes back. */
    @Transactional(Transactional.TxType.MANDATORY)
    void clear(String subject, String condition) {
        entityManager.createNativeQuery("delete from event_conditions where subject = ?1 and condition = ?2")
                .setParameter(1, subject).setParameter(2, condition).executeUpdate();
    }

    /** Every condition of the subject but {@code kept} cleared (a renewed certificate, say). */
    @Transactional(Transactional.TxType.MANDATORY)
    void clearAllBut(String subject, String kept) {
        entityManager.createNativeQuery("delete from event_conditions where subject = ?1 and condition <> ?2")
                .setParameter(1, subject).setParameter(2, kept).executeUpdate();
    }
}
