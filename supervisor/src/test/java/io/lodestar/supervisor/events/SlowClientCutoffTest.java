package io.lodestar.supervisor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lodestar.supervisor.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A stream client that stops reading is cut off, and what the Supervisor holds for it meanwhile is bounded by
 * {@code client-buffer}: a raw HTTP client with a small receive window sends its request and reads nothing while
 * 14 MB of events are recorded; after {@code slow-client-timeout} (3 s in tests) it reads what reached it.
 */
@QuarkusTest
class SlowClientCutoffTest {

    private static final int EVENTS = 2000;
    /** Three texts of this size pad each event to about 6 KB: an event's texts are cut at 2,000 characters each. */
    private static final int PADDING = 2000;

    @Inject
    EventLog log;

    @Inject
    EventsConfig config;

    @Inject
    EntityManager entityManager;

    @Test
    void aClientThatStopsReadingIsCutOffWithAtMostItsBufferHeldForIt() throws Exception {
        Api.PlacedDeployment deployment = Api.deploymentOfADisconnectedNode("events-slow");
        long tenantId = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select tenant_id from deployments where id = ?1").setParameter(1, deployment.id()).getSingleResult())
                .longValue());
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(8192); // set before connecting: the window this client offers stays small
            client.connect(new InetSocketAddress("127.0.0.1", port));
            client.getOutputStream().write(("GET /deployments/" + deployment.id() + "/events/stream?types=config.created HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nld-api-key: " + Api.ADMIN_KEY + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            awaitOpen(client.getInputStream()); // the last read until the cut-off

            String padding = "x".repeat(PADDING);
            for (int batch = 0; batch < EVENTS / 100; batch++) {
                int first = batch * 100;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = first; i < first + 100; i++) {
                        log.append(tenantId, deployment.id(), null, EventType.CONFIG_CREATED, Map.of("name", String.format("slow-%04d", i),
                                "padding_a", padding, "padding_b", padding, "padding_c", padding));
                    }
                });
            }
            // not reading: the socket buffers fill, the stream's writes stop completing, and the timeout cuts it off
            Thread.sleep(config.slowClientTimeout().toMillis() + 5_000);

            client.setSoTimeout(30_000);
            String received = readToTheEnd(client.getInputStream());
            Matcher names = Pattern.compile("\"name\":\"slow-(\\d{4})\"").matcher(received);
            int count = 0;
            int last = -1;
            while (names.find()) {
                int index = Integer.parseInt(names.group(1));
                assertThat(index).as("in order, none skipped").isEqualTo(last + 1);
                last = index;
                count++;
            }
            // The server ended the response (the read above met its end) before sending every event...
            assertThat(count).isLessThan(EVENTS).isPositive();
            // ...and never had more than one buffer of events in flight beyond what the two sockets' buffers hold.
            long socketBuffers = client.getReceiveBufferSize() + maxSendBuffer();
            long eventBytes = 3L * PADDING + 200;
            assertThat((long) count).isLessThanOrEqualTo(socketBuffers / eventBytes + config.clientBuffer());
            System.out.printf("Slow client: got %d of %d events (%d KB) before the cut-off; bound %d%n", count, EVENTS,
                    received.length() / 1024, socketBuffers / eventBytes + config.clientBuffer());
        }
    }

    /** Reads the answer's head and the stream's opening comment, byte by byte so nothing after it is read. */
    private static void awaitOpen(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().contains("stream open after event")) {
            int next = in.read();
            assertThat(next).as("the stream answered: " + head).isNotNegative();
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
    }

    /** Reads the HTTP response until the server closes the connection (a read timeout fails the test: not cut off). */
    private static String readToTheEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    /** The most the kernel lets a TCP send buffer grow to (tcp_wmem's maximum). */
    private static long maxSendBuffer() throws IOException {
        // read as a stream: a /proc file reports no true size, and Files.readString returned only "4" of it
        String[] wmem;
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_wmem"))) {
            wmem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
        }
        return Long.parseLong(wmem[2]);
    }
}
