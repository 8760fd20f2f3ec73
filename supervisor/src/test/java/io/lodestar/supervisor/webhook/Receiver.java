package io.lodestar.supervisor.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on loopback: records every delivery it accepted, and answers 503 while it is "down". */
public final class Receiver implements AutoCloseable {

    public record Delivery(String signature, String eventId, String eventType, String deliveryId, String body) {
    }

    private final HttpServer server;
    public final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    public final List<Delivery> refused = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Delivery delivery = new Delivery(exchange.getRequestHeaders().getFirst("Lodestar-Signature"),
                    exchange.getRequestHeaders().getFirst("Lodestar-Event-Id"), exchange.getRequestHeaders().getFirst("Lodestar-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Lodestar-Delivery-Id"), body);
            int status = down ? 503 : 204;
            (down ? refused : accepted).add(delivery);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
