package io.lodestar.supervisor.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.lodestar.protocol.v1.CertificateExpiry;
import io.lodestar.supervisor.agent.Agent;
import io.lodestar.supervisor.common.Times;
import io.lodestar.supervisor.observe.NodeCertificates;

/**
 * Tells {@code certificate.expiring} once per certificate when the certificates a node's Warden reports come
 * within {@code certificate-expiry-warning} of their end. A certificate is its node, where the Warden knows it
 * from and its notAfter: a renewed file that is again close to its end is a new certificate and told again.
 */
@ApplicationScoped
public class CertificateExpiryWatch {

    /** {@code event_conditions.subject} holds 100 characters; longer keys are told apart by their hash. */
    private static final int SUBJECT_LENGTH = 100;

    @Inject
    NodeCertificates certificates;

    @Inject
    EventConditions conditions;

    @Inject
    EventLog log;

    @Inject
    EventsConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    void look(Instant now) {
        Duration warning = config.certificateExpiryWarning();
        for (Map.Entry<Long, List<CertificateExpiry>> node : certificates.current().entrySet()) {
            Agent agent = Agent.findById(node.getKey());
            if (agent == null || agent.revokedAt != null) {
                continue;
            }
            for (CertificateExpiry certificate : node.getValue()) {
                if (certificate.getNotAfterMs() <= 0) {
                    continue; // unread: the snapshot's certificate checks say why
                }
                Instant notAfter = Instant.ofEpochMilli(certificate.getNotAfterMs());
                String subject = subject(agent.id, certificate.getKey());
                String condition = "expiring:" + notAfter.getEpochSecond();
                conditions.clearAllBut(subject, condition);
                if (notAfter.isAfter(now.plus(warning))) {
                    conditions.clear(subject, condition);
                } else if (conditions.raise(subject, condition, now)) {
                    log.append(agent.tenantId, null, agent.id, EventType.CERTIFICATE_EXPIRING, data(agent, certificate, notAfter, now, warning));
                }
            }
        }
    }

    private static Map<String, Object> data(Agent agent, CertificateExpiry certificate, Instant notAfter, Instant now, Duration warning) {
        long daysLeft = Duration.between(now, notAfter).toDays();
        String when = notAfter.isAfter(now) ? "expires on " + Times.format(notAfter) + " (in " + daysLeft + " days)"
                : "expired on " + Times.format(notAfter);
        Map<String, Object> data = EventRecorder.node(agent, "The certificate " + certificate.getKey() + " of node " + agent.id
                + " (" + certificate.getPath() + ", " + certificate.getSubject() + ") " + when + "; the warning starts "
                + warning.toDays() + " days before. Renew it on the node.");
        data.put("key", certificate.getKey());
        data.put("path", certificate.getPath());
        data.put("subject", certificate.getSubject());
        data.put("not_after", Times.format(notAfter));
        data.put("days_left", daysLeft);
        data.put("warn_before_days", warning.toDays());
        return data;
    }

    static String subject(long nodeId, String key) {
        String plain = "cert:" + nodeId + ":" + key;
        if (plain.length() <= SUBJECT_LENGTH) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "cert:" + nodeId + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
