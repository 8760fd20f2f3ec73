package io.lodestar.supervisor.events;

import static io.lodestar.supervisor.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lodestar.protocol.v1.CertificateExpiry;
import io.lodestar.protocol.v1.Heartbeat;
import io.lodestar.protocol.v1.HostMetrics;
import io.lodestar.supervisor.Api;
import io.lodestar.supervisor.FakeWarden;
import io.lodestar.supervisor.SseClient;
import io.lodestar.supervisor.observe.MetricsStore;
import io.lodestar.supervisor.observe.NodeCertificates;
import io.lodestar.supervisor.webhook.Receiver;
import io.quarkus.test.junit.QuarkusTest;

/** The notifications found by looking: certificates about to expire and disks filling up, each told once per crossing. */
@QuarkusTest
class NotificationConditionsTest {

    @Inject
    EventSweeps sweeps;

    @Inject
    NodeCertificates certificates;

    @Inject
    MetricsStore store;

    private static CertificateExpiry certificate(String key, String path, Instant notAfter, String subject) {
        return CertificateExpiry.newBuilder().setKey(key).setPath(path).setNotAfterMs(notAfter.toEpochMilli()).setSubject(subject).build();
    }

    /** What the node's Warden sends, every 300 ms as a real one does (an older report counts as gone). */
    private final AtomicReference<Heartbeat> beat = new AtomicReference<>(Heartbeat.newBuilder().setSeq(1).build());

    private Thread beating(FakeWarden warden) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    warden.heartbeat(beat.get());
                    Thread.sleep(300);
                } catch (InterruptedException | RuntimeException e) {
                    return;
                }
            }
        }, "certificate-heartbeats");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Sends the certificates as the node's Warden does, waits until this Supervisor holds them, and sweeps twice. */
    private void reportAndSweep(FakeWarden warden, CertificateExpiry... reported) {
        beat.set(Heartbeat.newBuilder().setSeq(System.nanoTime()).addAllCertificates(List.of(reported)).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of(reported).equals(certificates.current().get(warden.nodeId())));
        sweeps.sweep();
        sweeps.sweep(); // a second look tells nothing new
    }

    /** The node's events of the stream until it is quiet for a second. */
    private static List<JsonNode> eventsOf(SseClient stream, long nodeId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (SseClient.Event event = stream.next(Duration.ofSeconds(2)); event != null; event = stream.next(Duration.ofSeconds(1))) {
            JsonNode envelope = EventStreamApiTest.JSON.readTree(event.data());
            if (envelope.path("node_id").asLong() == nodeId) {
                events.add(envelope);
            }
        }
        return events;
    }

    @Test
    void aCertificateWithinTheWarningIsToldOnceAndAgainOnlyWhenARenewedOneComesClose() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant tenDays = now.plus(Duration.ofDays(10));
        try (Receiver receiver = new Receiver(); FakeWarden warden = Api.connectedWarden();
                SseClient stream = SseClient.open("/events/stream?types=certificate.expiring", null)) {
            Thread heartbeats = beating(warden);
            Object webhook = admin().body(Map.of("url", receiver.url(), "event_types", List.of("certificate.expiring")))
                    .post("/webhooks").then().statusCode(201).extract().path("id");
            try {
                reportAndSweep(warden, certificate("iggy:http.tls.cert_file", "/etc/iggy/tls/server.pem", tenDays, "CN=iggy-1.example"),
                        certificate("warden.supervisor.tls-ca-file", "/etc/lodestar/ca.pem", now.plus(Duration.ofDays(400)), "CN=Lodestar CA"));

                List<JsonNode> told = eventsOf(stream, warden.nodeId());
                assertThat(told).as("the 10-day certificate once, the 400-day one not").hasSize(1);
                JsonNode data = told.get(0).get("data");
                System.out.println("The stream told: " + told.get(0));
                assertThat(told.get(0).get("type").asText()).isEqualTo("certificate.expiring");
                assertThat(data.get("key").asText()).isEqualTo("iggy:http.tls.cert_file");
                assertThat(data.get("path").asText()).isEqualTo("/etc/iggy/tls/server.pem");
                assertThat(data.get("subject").asText()).isEqualTo("CN=iggy-1.example");
                assertThat(Instant.parse(data.get("not_after").asText())).isEqualTo(tenDays);
                assertThat(data.get("days_left").asLong()).isEqualTo(9); // whole days left, 10 days less the seconds this test took
                assertThat(data.get("warn_before_days").asLong()).isEqualTo(14);
                assertThat(data.get("message").asText()).contains("expires on", "server.pem", "14 days before");

                // renewed for a year: nothing to tell; then replaced by one ending in 3 days: a new certificate, told again
                reportAndSweep(warden, certificate("iggy:http.tls.cert_file", "/etc/iggy/tls/server.pem", now.plus(Duration.ofDays(365)), "CN=iggy-1.example"));
                assertThat(eventsOf(stream, warden.nodeId())).isEmpty();
                reportAndSweep(warden, certificate("iggy:http.tls.cert_file", "/etc/iggy/tls/server.pem", now.plus(Duration.ofDays(3)), "CN=short"));
                List<JsonNode> again = eventsOf(stream, warden.nodeId());
                assertThat(again).hasSize(1);
                assertThat(again.get(0).get("data").get("subject").asText()).isEqualTo("CN=short");

                await().atMost(Duration.ofSeconds(15)).until(() -> receiver.accepted.size() >= 2);
                assertThat(receiver.accepted).extracting(Receiver.Delivery::eventType).containsExactly("certificate.expiring", "certificate.expiring");
                assertThat(receiver.accepted).extracting(Receiver.Delivery::eventId)
                        .containsExactly(told.get(0).get("id").asText(), again.get(0).get("id").asText());
            } finally {
                heartbeats.interrupt();
                admin().delete("/webhooks/" + webhook).then().statusCode(200);
            }
        }
    }

    @Test
    void aDiskAtOrPastTheThresholdIsToldOnceUntilItIsBelowAgain() throws Exception {
        try (FakeWarden warden = Api.connectedWarden();
                SseClient stream = SseClient.open("/events/stream?types=node.disk_filling", null)) {
            diskAt(warden, 93_000_000_000L);
            sweeps.sweep();
            sweeps.sweep();
            List<JsonNode> told = eventsOf(stream, warden.nodeId());
            assertThat(told).hasSize(1);
            JsonNode data = told.get(0).get("data");
            assertThat(data.get("disk_used_bytes").asLong()).isEqualTo(93_000_000_000L);
            assertThat(data.get("disk_total_bytes").asLong()).isEqualTo(100_000_000_000L);
            assertThat(data.get("message").asText()).isEqualTo("The disk of node " + warden.nodeId() + " is 93% full, at or past the 90% threshold.");

            diskAt(warden, 40_000_000_000L);
            sweeps.sweep();
            assertThat(eventsOf(stream, warden.nodeId())).as("below the threshold: cleared, nothing told").isEmpty();
            diskAt(warden, 97_000_000_000L);
            sweeps.sweep();
            List<JsonNode> again = eventsOf(stream, warden.nodeId());
            assertThat(again).hasSize(1);
            assertThat(again.get(0).get("data").get("disk_used_bytes").asLong()).isEqualTo(97_000_000_000L);
        }
    }

    /** The node's newest metric point says its disk holds this much of 100 GB, as the recorder writes a heartbeat. */
    private void diskAt(FakeWarden warden, long used) {
        store.write(Instant.now(), 60, Map.of(warden.nodeId(), Heartbeat.newBuilder().setSeq(1).setHostMetrics(HostMetrics.newBuilder()
                .setDiskUsedBytes(used).setDiskTotalBytes(100_000_000_000L).setMemoryTotalBytes(8_000_000_000L)).build()));
    }
}
